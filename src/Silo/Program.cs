using StreamPredictor.Api.Hosting;
using StreamPredictor.Api.Security;
using StreamPredictor.Silo;
using StreamPredictor.Sources.Hosting;

// A Stream silo, with the HTTP API when Stream:Http:Enabled=true. Configuration: appsettings.json, then environment
// variables such as Stream__Silo__DataDirectory=/var/lib/stream, then command-line pairs such as
// --Stream:Silo:GatewayPort=30001. 'new-api-key NAME [SCOPE...]' prints a key and the settings that accept it.
// A start that fails because Redis or NATS went away is tried again (SiloRunner); a bad setting is one error line.
if (ApiKeyCommand.TryRun(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

return await SiloRunner.RunAsync(() => StreamHost.Build(args, services => services.AddStreamLive())); // with the feeds of Stream:Live, none by default
