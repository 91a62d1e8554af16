using Microsoft.Extensions.Options;

namespace StreamPredictor.Client;

/// <summary>Checks the gateway settings of a gateway client when the host starts: every entry must parse as HOST:PORT.</summary>
internal sealed class GatewayListValidator : IValidateOptions<StreamClientOptions>
{
    public ValidateOptionsResult Validate(string? name, StreamClientOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Gateways.Count; i++)
        {
            if (!GatewayAddress.TryParse(options.Gateways[i], out _, out var problem))
            {
                failures.Add($"{StreamClientOptions.SectionName}:{nameof(options.Gateways)}:{i} '{options.Gateways[i]}' is not HOST:PORT: {problem}");
            }
        }

        if (options.Gateways.Count == 0 && options.GatewayPort is < 1 or > 65535)
        {
            failures.Add($"{StreamClientOptions.SectionName}:{nameof(options.GatewayPort)} must be from 1 to 65535; it is '{options.GatewayPort}'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
