using Microsoft.Extensions.Hosting;
using StreamPredictor.Api.Hosting;
using StreamPredictor.Api.Security;

// A Stream silo, with the HTTP API when Stream:Http:Enabled=true. Configuration: appsettings.json, then environment
// variables such as Stream__Silo__DataDirectory=/var/lib/stream, then command-line pairs such as
// --Stream:Silo:GatewayPort=30001. 'new-api-key NAME [SCOPE...]' prints a key and the settings that accept it.
if (ApiKeyCommand.TryRun(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

await StreamHost.Build(args).RunAsync();
return 0;
