using Microsoft.Extensions.Options;
using StreamPredictor.Sources.Bitstamp;

namespace StreamPredictor.Sources.Hosting;

/// <summary>Refuses <c>Stream:Live</c> settings that cannot work, at start, with the setting's name.</summary>
internal sealed class LiveOptionsValidator : IValidateOptions<LiveOptions>, IValidateOptions<BitstampOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveOptions options) => Result(options.Problem());

    public ValidateOptionsResult Validate(string? name, BitstampOptions options) => Result(options.Problem());

    private static ValidateOptionsResult Result(string? problem) =>
        problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
}
