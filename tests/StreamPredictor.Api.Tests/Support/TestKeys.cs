using StreamPredictor.Api.Security;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>API keys made for one test run, and the configuration that accepts them (hashes only).</summary>
public static class TestKeys
{
    public static readonly string Reader = ApiKeyHash.NewKey();
    public static readonly string Writer = ApiKeyHash.NewKey();
    public static readonly string ReadWrite = ApiKeyHash.NewKey();

    /// <summary>A read key allowed three requests per (hour-long) rate-limit period.</summary>
    public static readonly string Limited = ApiKeyHash.NewKey();

    /// <summary>A key nobody configured.</summary>
    public static readonly string Unknown = ApiKeyHash.NewKey();

    public static IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        (string Name, string Key, string[] Scopes, int? Permits)[] keys =
        [
            ("reader", Reader, [StreamScopes.Read], null),
            ("writer", Writer, [StreamScopes.Write], null),
            ("read-write", ReadWrite, [StreamScopes.Read, StreamScopes.Write], null),
            ("limited", Limited, [StreamScopes.Read], 3),
        ];
        for (var i = 0; i < keys.Length; i++)
        {
            var prefix = $"Stream:Http:ApiKeys:{i}";
            yield return new($"{prefix}:Name", keys[i].Name);
            yield return new($"{prefix}:Hash", ApiKeyHash.Of(keys[i].Key));
            for (var s = 0; s < keys[i].Scopes.Length; s++)
            {
                yield return new($"{prefix}:Scopes:{s}", keys[i].Scopes[s]);
            }

            if (keys[i].Permits is { } permits)
            {
                yield return new($"{prefix}:PermitsPerPeriod", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
