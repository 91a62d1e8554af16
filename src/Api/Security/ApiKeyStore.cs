using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using StreamPredictor.Api.Hosting;

namespace StreamPredictor.Api.Security;

/// <summary>The configured keys' digests; finds the key a request presented in time that does not depend on which key (if any) it is.</summary>
public sealed class ApiKeyStore(IOptions<StreamHttpOptions> options)
{
    private readonly (byte[] Digest, ApiKeyOptions Key)[] _keys =
        [.. options.Value.ApiKeys.Select(k => (ApiKeyHash.Parse(k.Hash, out _)!, k))];

    /// <summary>The configured key whose hash matches <paramref name="presented"/>, or null.</summary>
    public ApiKeyOptions? Find(string presented)
    {
        var digest = ApiKeyHash.Digest(presented);
        ApiKeyOptions? found = null;
        foreach (var (stored, key) in _keys)
        {
            // Every entry is compared in full, so the time taken says nothing about which one matched.
            if (CryptographicOperations.FixedTimeEquals(digest, stored))
            {
                found = key;
            }
        }

        return found;
    }
}
