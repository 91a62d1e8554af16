using Microsoft.Extensions.Hosting;
using Stream.Grains.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.UseStream(builder.Configuration));
await builder.Build().RunAsync();
