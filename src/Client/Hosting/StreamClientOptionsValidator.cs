using Microsoft.Extensions.Options;

namespace StreamPredictor.Client;

/// <summary>Checks <see cref="StreamClientOptions"/> when the host starts; each failure names its setting.</summary>
internal sealed class StreamClientOptionsValidator : IValidateOptions<StreamClientOptions>
{
    private const string Section = StreamClientOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, StreamClientOptions options)
    {
        var failures = new List<string>();
        Check(failures, options.BatchSize is >= 1 and <= 1_000_000, nameof(options.BatchSize), "must be from 1 to 1,000,000", options.BatchSize);
        Check(failures, options.MaxUnconfirmedBatches is >= 1 and <= 100_000, nameof(options.MaxUnconfirmedBatches), "must be from 1 to 100,000", options.MaxUnconfirmedBatches);
        Check(failures, options.MaxUnconfirmedDays >= 0, nameof(options.MaxUnconfirmedDays), "must not be negative", options.MaxUnconfirmedDays);
        Check(failures, options.ConnectTimeout > TimeSpan.Zero, nameof(options.ConnectTimeout), "must be positive", options.ConnectTimeout);
        Check(failures, options.PollInterval > TimeSpan.Zero && options.PollInterval <= TimeSpan.FromMinutes(1), nameof(options.PollInterval), "must be positive and at most a minute", options.PollInterval);
        Check(failures, options.ResendAfter > TimeSpan.Zero, nameof(options.ResendAfter), "must be positive", options.ResendAfter);
        Check(failures, options.ConfirmationTimeout > TimeSpan.Zero, nameof(options.ConfirmationTimeout), "must be positive", options.ConfirmationTimeout);
        Check(failures, options.MinimumSchedulePeriod > TimeSpan.Zero, nameof(options.MinimumSchedulePeriod), "must be positive", options.MinimumSchedulePeriod);
        Check(failures, options.ClusterId is null || !string.IsNullOrWhiteSpace(options.ClusterId), nameof(options.ClusterId), "must not be blank", options.ClusterId);
        Check(failures, options.ServiceId is null || !string.IsNullOrWhiteSpace(options.ServiceId), nameof(options.ServiceId), "must not be blank", options.ServiceId);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, bool ok, string setting, string rule, object? value)
    {
        if (!ok)
        {
            failures.Add($"{Section}:{setting} {rule}; it is '{value}'");
        }
    }
}
