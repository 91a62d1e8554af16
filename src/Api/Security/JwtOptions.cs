namespace StreamPredictor.Api.Security;

/// <summary>
/// JWT bearer tokens, accepted when <see cref="Authority"/> (an OpenID Connect issuer whose keys are discovered)
/// or <see cref="SigningKey"/> (a shared HMAC key) is set. Scopes come from the <c>scope</c> or <c>scp</c> claim.
/// </summary>
public sealed class JwtOptions
{
    public string? Authority { get; set; }

    /// <summary>The audience tokens must name.</summary>
    public string? Audience { get; set; }

    /// <summary>The issuer tokens must name when <see cref="SigningKey"/> is used.</summary>
    public string? Issuer { get; set; }

    /// <summary>A base64 HMAC-SHA256 key of at least 32 bytes, for issuers that share a secret.</summary>
    public string? SigningKey { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(Authority) || !string.IsNullOrEmpty(SigningKey);
}
