namespace StreamPredictor.Api.Security;

/// <summary>One API key as configuration holds it: never the key itself, only its hash.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key; the principal's name, the rate limiter's partition and what logs show.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>sha256:</c> and the 64 hex digits of the SHA-256 of the key's UTF-8 bytes (see <see cref="ApiKeyHash"/>).</summary>
    public string Hash { get; set; } = "";

    /// <summary>What the key may do: <see cref="StreamScopes.Read"/>, <see cref="StreamScopes.Write"/> or both.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Requests per rate-limit period for this key; the configured default when null.</summary>
    public int? PermitsPerPeriod { get; set; }
}
