using Microsoft.Extensions.Hosting;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Silo;

// A Stream silo. Configuration: appsettings.json, then environment variables such as
// Stream__Silo__DataDirectory=/var/lib/stream, then command-line pairs such as --Stream:Silo:GatewayPort=30001.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddStreamSiloFilters();
builder.UseOrleans(silo => silo.UseStream(builder.Configuration));
await builder.Build().RunAsync();
