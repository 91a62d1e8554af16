namespace StreamPredictor.Api.Security;

/// <summary>The scopes an API key or a token may hold, and the authorization policies that require them.</summary>
public static class StreamScopes
{
    /// <summary>Reading days, stats, forecasts, models, events, metrics and the dashboard.</summary>
    public const string Read = "stream:read";

    /// <summary>Ingesting ticks, starting training, activating a model version.</summary>
    public const string Write = "stream:write";

    /// <summary>The claim a principal's scopes are in: one claim per scope, or several separated by spaces.</summary>
    public const string ClaimType = "scope";

    /// <summary>The claim some issuers (Azure AD, Okta) use instead of <see cref="ClaimType"/>.</summary>
    public const string AlternateClaimType = "scp";

    public static IReadOnlyList<string> All { get; } = [Read, Write];
}
