using Microsoft.Extensions.Hosting;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Sources.Hosting;

// A Stream silo. Configuration: appsettings.json, then environment variables such as
// Stream__Silo__DataDirectory=/var/lib/stream, then command-line pairs such as --Stream:Silo:GatewayPort=30001.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.UseStream(builder.Configuration));
builder.Services.AddStreamLive(); // the feeds of Stream:Live (none by default), after the silo so it is up first
await builder.Build().RunAsync();
