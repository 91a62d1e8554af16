// A complete app on the Stream SDK. Start a silo first (dotnet run --project src/Silo), then:
//   dotnet run --project samples/StreamPredictor.Sample -- ../shared/data/bitstamp_btcusd_1h_2018-2022.kaggle.csv BTCUSD
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StreamPredictor.Client;
using StreamPredictor.Sample;

var file = args.Length > 0 ? args[0] : "../shared/data/bitstamp_btcusd_1h_2018-2022.kaggle.csv";
var symbol = args.Length > 1 ? args[1] : "BTCUSD";

var builder = Host.CreateApplicationBuilder();
builder.AddStreamClient(options =>
{
    if (args.Length > 2)
    {
        options.Gateways.Add(args[2]);   // default: localhost:30000; or set Stream__Client__Gateways__0
    }
});
using var host = builder.Build();
await host.StartAsync();                 // connects, retrying for Stream:Client:ConnectTimeout (30 s)

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var client = host.Services.GetRequiredService<IStreamClient>();
try
{
    var run = await Walkthrough.RunAsync(client, symbol, file, Console.Out, stop.Token);
    Console.WriteLine(run);
}
catch (StreamClientException e)
{
    Console.Error.WriteLine($"failed ({e.Error}): {e.Message}");
    return 1;
}

await host.StopAsync();
return 0;
