using System.Security.Cryptography;
using System.Text;

namespace StreamPredictor.Api.Security;

/// <summary>
/// How API keys are stored and checked. Keys are 32 random bytes (<see cref="NewKey"/>), so a single SHA-256 is
/// enough to keep them out of configuration: there is no password to guess, and a fast hash keeps every request
/// cheap. The same hash from a shell: <c>printf %s "$KEY" | sha256sum</c>.
/// </summary>
public static class ApiKeyHash
{
    public const string Prefix = "sha256:";

    /// <summary>A new key: 32 random bytes, base64url without padding (43 characters).</summary>
    public static string NewKey() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The configuration form of <paramref name="key"/>'s hash: <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public static string Of(string key) => Prefix + Convert.ToHexStringLower(Digest(key));

    /// <summary>The SHA-256 of the key's UTF-8 bytes.</summary>
    public static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The 32 digest bytes of a configured hash, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static byte[]? Parse(string? configured, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(configured) || !configured.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"expected '{Prefix}' and 64 hex digits (the SHA-256 of the key)";
            return null;
        }

        var hex = configured.AsSpan(Prefix.Length);
        if (hex.Length != 64)
        {
            problem = $"expected 64 hex digits after '{Prefix}', found {hex.Length} characters";
            return null;
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            problem = $"'{hex}' is not hexadecimal";
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
