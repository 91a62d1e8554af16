namespace StreamPredictor.Api.Security;

/// <summary>Per-caller rate limits: each API key or token subject gets a bucket of <see cref="PermitsPerPeriod"/> requests, refilled every <see cref="Period"/>.</summary>
public sealed class RateLimitOptions
{
    public int PermitsPerPeriod { get; set; } = 200;

    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);
}
