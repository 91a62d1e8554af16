using NATS.Client.Core;

namespace StreamPredictor.Connections.Services;

/// <summary>
/// Credentials and TLS for NATS (<c>Stream:Silo:NatsAuth</c>, <c>Stream:Client:NatsAuth</c>): a user and password,
/// a token or a credentials file; TLS with the server's authority and, for mutual TLS, a client certificate.
/// A <c>tls://</c> URL also asks for TLS.
/// </summary>
public sealed class NatsAuth
{
    public string? User { get; set; }

    public string? Password { get; set; }

    public string? Token { get; set; }

    /// <summary>A NATS credentials file (JWT and NKey seed).</summary>
    public string? CredsFile { get; set; }

    /// <summary>PEM certificate of the authority that signed the NATS server's certificate.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate and key, when the server requires mutual TLS.</summary>
    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    /// <summary>The client options for <paramref name="url"/> with these credentials.</summary>
    public NatsOpts Apply(string url)
    {
        var options = NatsOpts.Default with { Url = url };
        if (!string.IsNullOrEmpty(User) || !string.IsNullOrEmpty(Token) || !string.IsNullOrEmpty(CredsFile))
        {
            options = options with
            {
                AuthOpts = NatsAuthOpts.Default with
                {
                    Username = User,
                    Password = Password,
                    Token = Token,
                    CredsFile = CredsFile,
                },
            };
        }

        if (!string.IsNullOrWhiteSpace(CaFile) || !string.IsNullOrWhiteSpace(CertFile))
        {
            options = options with
            {
                TlsOpts = NatsTlsOpts.Default with { Mode = TlsMode.Require, CaFile = CaFile, CertFile = CertFile, KeyFile = KeyFile },
            };
        }

        return options;
    }

    /// <summary>The URL(s) without user information, for logs and errors.</summary>
    public static string Redacted(string urls) => string.Join(',', urls
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(url => Uri.TryCreate(url.Contains("://", StringComparison.Ordinal) ? url : "nats://" + url, UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{uri.Host}{(uri.IsDefaultPort ? "" : $":{uri.Port}")}"
            : "(unparsable NATS URL)"));
}
