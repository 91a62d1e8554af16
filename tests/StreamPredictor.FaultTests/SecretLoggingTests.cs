namespace StreamPredictor.FaultTests;

/// <summary>
/// A silo that reaches a password-protected Redis and a NATS server with a user and password logs its options
/// at start (Orleans does, at Information) without any of the secrets. Before the redacting formatter the NATS
/// options were logged whole: <c>NatsClientOptions: NatsOpts { Url = nats://user:password@host:port, … }</c>.
/// </summary>
public sealed class SecretLoggingTests : IAsyncLifetime
{
    private const string RedisPassword = "redis-Secret-7f3a";
    private const string NatsUser = "stream-silo";
    private const string NatsPassword = "nats-Secret-91c2";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("stream-secrets-");
    private RedisServer _redis = null!;
    private NatsServer _nats = null!;

    public async Task InitializeAsync()
    {
        _redis = new RedisServer(Path.Combine(_directory.FullName, "redis"), password: RedisPassword);
        _nats = new NatsServer(Path.Combine(_directory.FullName, "nats"), user: NatsUser, password: NatsPassword);
        await _redis.StartAsync();
        await _nats.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _nats.DisposeAsync();
        await _redis.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Theory]
    [InlineData("credentials in the NATS URL")]
    [InlineData("credentials in their own settings")]
    public async Task A_silo_logs_its_options_without_the_redis_password_or_the_nats_credentials(string form)
    {
        var inUrl = form == "credentials in the NATS URL";
        var settings = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Information",
            // Orleans logs every option at start at Information, which a silo filters out by default: turned up here,
            // as an operator chasing a problem would, so the test sees what such a log holds.
            ["Logging__LogLevel__Orleans"] = "Information",
            ["Stream__Silo__RedisAuth__Password"] = RedisPassword,
        };
        if (!inUrl)
        {
            settings["Stream__Silo__NatsAuth__User"] = NatsUser;
            settings["Stream__Silo__NatsAuth__Password"] = NatsPassword;
        }

        var natsUrl = inUrl ? $"nats://{NatsUser}:{NatsPassword}@127.0.0.1:{_nats.Port}" : _nats.Url;
        await using var silo = SiloProcess.Start("silo", "secrets-" + Guid.NewGuid().ToString("N")[..8], _redis.Connection, natsUrl, settings);

        await silo.WaitUntilActiveAsync(TimeSpan.FromMinutes(2));
        await silo.Process.WaitForLineAsync("the NATS options logged", l => l.Contains("Configuration Orleans.Streaming.NATS.NatsOptions", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        var log = silo.Process.Output;
        Assert.DoesNotContain(RedisPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain(NatsPassword, log, StringComparison.Ordinal);
        Assert.Contains($"Url: nats://127.0.0.1:{_nats.Port}", log, StringComparison.Ordinal);
        Assert.Contains("Credentials: user (redacted)", log, StringComparison.Ordinal);
    }
}
