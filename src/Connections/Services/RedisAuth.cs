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

    /// <summary>
    /// The StackExchange.Redis options for <paramref name="configuration"/> with these credentials. A silo must
    /// survive Redis restarts, so the client keeps retrying in the background rather than giving up on a failed connect.
    /// </summary>
    public ConfigurationOptions Apply(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
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
