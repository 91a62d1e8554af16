using System.Net;
using Microsoft.Extensions.Options;
using StreamPredictor.Api.Security;

namespace StreamPredictor.Api.Hosting;

/// <summary>Checks <c>Stream:Http</c> before anything listens; each failure names the setting.</summary>
public sealed class StreamHttpOptionsValidator : IValidateOptions<StreamHttpOptions>
{
    private const string S = StreamHttpOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, StreamHttpOptions options)
    {
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Problems(StreamHttpOptions o)
    {
        if (o.Port is < 0 or > 65_535)
        {
            yield return $"{S}:Port {o.Port} is not a TCP port";
        }

        foreach (var address in o.Addresses.Where(a => a != "localhost" && !IPAddress.TryParse(a, out _)))
        {
            yield return $"{S}:Addresses: '{address}' is neither an IP address nor 'localhost'";
        }

        if (o.CertificatePath is { Length: > 0 } certificate && !File.Exists(certificate))
        {
            yield return $"{S}:CertificatePath '{certificate}' does not exist";
        }

        if (o.MaxRequestBodyBytes <= 0 || o.MaxIngestBodyBytes <= 0)
        {
            yield return $"{S}:MaxRequestBodyBytes and MaxIngestBodyBytes must be positive";
        }

        if (o.IngestBatchSize is < 1 or > 100_000)
        {
            yield return $"{S}:IngestBatchSize {o.IngestBatchSize} must be between 1 and 100000";
        }

        if (o.RateLimit.PermitsPerPeriod < 1 || o.RateLimit.Period <= TimeSpan.Zero)
        {
            yield return $"{S}:RateLimit needs PermitsPerPeriod of at least 1 and a positive Period";
        }

        for (var i = 0; i < o.ApiKeys.Count; i++)
        {
            foreach (var problem in KeyProblems(o.ApiKeys[i], o.ApiKeys.Take(i)))
            {
                yield return $"{S}:ApiKeys:{i}: {problem}";
            }
        }

        foreach (var problem in JwtProblems(o.Jwt))
        {
            yield return $"{S}:Jwt: {problem}";
        }
    }

    private static IEnumerable<string> KeyProblems(ApiKeyOptions key, IEnumerable<ApiKeyOptions> earlier)
    {
        if (string.IsNullOrWhiteSpace(key.Name))
        {
            yield return "Name is required (it names the caller in logs and rate limits)";
        }
        else if (earlier.Any(k => k.Name == key.Name))
        {
            yield return $"Name '{key.Name}' is used by an earlier key";
        }

        if (ApiKeyHash.Parse(key.Hash, out var problem) is null)
        {
            yield return $"Hash: {problem}";
        }

        if (key.Scopes.Count == 0)
        {
            yield return $"Scopes: none given; use {string.Join(" and/or ", StreamScopes.All)}";
        }

        foreach (var scope in key.Scopes.Where(s => !StreamScopes.All.Contains(s)))
        {
            yield return $"Scopes: '{scope}' is unknown; use {string.Join(" and/or ", StreamScopes.All)}";
        }

        if (key.PermitsPerPeriod is < 1)
        {
            yield return "PermitsPerPeriod must be at least 1";
        }
    }

    private static IEnumerable<string> JwtProblems(JwtOptions jwt)
    {
        if (!jwt.Enabled)
        {
            yield break;
        }

        if (string.IsNullOrEmpty(jwt.Audience))
        {
            yield return "Audience is required: tokens are only accepted when issued for this API";
        }

        if (jwt.SigningKey is { Length: > 0 } key && !IsLongBase64(key))
        {
            yield return "SigningKey must be base64 of at least 32 bytes";
        }
    }

    private static bool IsLongBase64(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) && written >= 32;
    }
}
