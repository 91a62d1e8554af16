using StackExchange.Redis;

namespace StreamPredictor.Connections.Services;

/// <summary>
/// Credentials and TLS for Redis, kept apart from the connection string so a secret can come from its own
/// variable or file (<c>Stream:Silo:RedisAuth:Password</c>). Values set here override the connection string's.
/// </summary>
public sealed class RedisAuth
{
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Connect over TLS (also implied by <see cref="CaFile"/> or <c>ssl=true</c> in the connection string).</summary>
    public bool Tls { get; set; }

    /// <summary>PEM certificate of the authority that signed the Redis server's certificate, when it is not a system root.</summary>
    public string? CaFile { get; set; }

    /// <summary>The StackExchange.Redis options for <paramref name="configuration"/> with these credentials.</summary>
    /// <param name="configuration">A StackExchange.Redis configuration string.</param>
    /// <param name="keepConnecting">
    /// Keep trying in the background when the first connect fails (a silo, which must ride out Redis restarts and
    /// has already waited for Redis to answer) instead of failing at once (a command that should say so).
    /// </param>
    public ConfigurationOptions Apply(string configuration, bool keepConnecting = false)
    {
        var options = ConfigurationOptions.Parse(configuration);
        if (keepConnecting)
        {
            options.AbortOnConnectFail = false;
        }

        if (!string.IsNullOrEmpty(User))
        {
            options.User = User;
        }

        if (!string.IsNullOrEmpty(Password))
        {
            options.Password = Password;
        }

        if (Tls || !string.IsNullOrWhiteSpace(CaFile))
        {
            options.Ssl = true;
        }

        if (!string.IsNullOrWhiteSpace(CaFile))
        {
            if (!File.Exists(CaFile))
            {
                throw new FileNotFoundException($"RedisAuth:CaFile '{CaFile}' does not exist", CaFile);
            }

            options.TrustIssuer(CaFile);
        }

        return options;
    }

    /// <summary>The servers, without credentials or other settings, for logs and errors.</summary>
    public static string Redacted(ConfigurationOptions options) => string.Join(',', options.EndPoints.Select(EndPointCollection.ToString));
}
