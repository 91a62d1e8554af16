using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamPredictor.Client;
using StreamPredictor.Client.Hosting;

namespace StreamPredictor.FaultTests;

/// <summary>
/// A silo process whose Redis or NATS is missing when it starts, vanishes while it starts, or goes away while
/// it runs: it waits with a log line naming the service, never exits, and takes ticks once the service is back.
/// </summary>
public sealed class StartupTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("stream-startup-");
    private readonly string _clusterId = "startup-" + Guid.NewGuid().ToString("N")[..8];
    private RedisServer _redis = null!;
    private NatsServer _nats = null!;
    private SiloProcess? _silo;
    private IHost? _client;

    public Task InitializeAsync()
    {
        _redis = new RedisServer(Path.Combine(_directory.FullName, "redis"));
        _nats = new NatsServer(Path.Combine(_directory.FullName, "nats"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _client.StopAsync(timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            _client.Dispose();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await _nats.DisposeAsync();
        await _redis.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_silo_started_before_redis_and_nats_waits_for_each_and_takes_ticks_once_they_answer()
    {
        _silo = StartSilo();

        await WaitForLinesAsync("waits for Redis at", 2);
        Assert.False(_silo.IsActive);
        await _redis.StartAsync();
        await WaitForLinesAsync("waits for NATS at", 2);
        await _nats.StartAsync();
        await _silo.WaitUntilActiveAsync(Deadline);

        await AssertTicksLandAsync("WAIT", offsetMinutes: 0);
        AssertNeverCrashed();
    }

    [Fact]
    public async Task A_silo_whose_nats_vanishes_while_it_starts_keeps_running_and_takes_ticks_once_nats_is_back()
    {
        await _redis.StartAsync();
        await _nats.StartAsync();
        _silo = StartSilo();

        // The gate has seen NATS answer; the stream provider connects next, to a server that is gone.
        await _silo.Process.WaitForLineAsync("the start gate passing", l => l.Contains("answer (try", StringComparison.Ordinal), Deadline);
        await _nats.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        Assert.False(_silo.Process.HasExited, $"the silo exited ({(_silo.Process.HasExited ? _silo.Process.ExitCode : 0)}) when NATS went away:\n{_silo.Process.Tail()}");
        await _nats.RestartAsync();
        await _silo.WaitUntilActiveAsync(Deadline);

        await AssertTicksLandAsync("VANISH", offsetMinutes: 0);
        AssertNeverCrashed();
    }

    [Fact]
    public async Task A_running_silo_that_loses_nats_keeps_running_and_takes_ticks_again_once_nats_is_back()
    {
        await _redis.StartAsync();
        await _nats.StartAsync();
        _silo = StartSilo();
        await _silo.WaitUntilActiveAsync(Deadline);
        await AssertTicksLandAsync("LOSE", offsetMinutes: 0);

        await _nats.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        Assert.False(_silo.Process.HasExited, $"the silo exited when NATS went away:\n{_silo.Process.Tail()}");
        await _nats.RestartAsync();

        await AssertTicksLandAsync("LOSE", offsetMinutes: 10);
        AssertNeverCrashed();
    }

    private SiloProcess StartSilo() => SiloProcess.Start("silo", _clusterId, _redis.Connection, _nats.Url);

    private async Task WaitForLinesAsync(string text, int count)
    {
        await _silo!.Process.WaitForLineAsync($"{count} lines with '{text}'",
            _ => _silo.Process.Lines.Count(l => l.Contains(text, StringComparison.Ordinal)) >= count, Deadline);
        Assert.False(_silo.Process.HasExited);
    }

    /// <summary>Ten ticks through the SDK (published on NATS) land in the market grain (stored in Redis).</summary>
    private async Task AssertTicksLandAsync(string symbol, int offsetMinutes)
    {
        var stream = (await ClientAsync()).Services.GetRequiredService<StreamClient>();
        var result = await stream.IngestAsync(symbol, TestTicks.Minutes(10, offsetMinutes)).WaitAsync(Deadline);
        Assert.Equal(offsetMinutes + 10, result.Stats.Accepted);
    }

    private void AssertNeverCrashed()
    {
        Assert.False(_silo!.Process.HasExited);
        Assert.Single(_silo.Process.Lines, l => l.Contains("Stream silo active:", StringComparison.Ordinal));
        Assert.DoesNotContain(_silo.Process.Lines, l => l.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    private async Task<IHost> ClientAsync()
    {
        if (_client is null)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.ClearProviders();
            builder.Services.AddStreamClient(configure: o =>
            {
                o.Redis = _redis.Connection;
                o.NatsUrl = _nats.Url;
                o.ClusterId = _clusterId;
                o.ServiceId = _clusterId;
                o.ConnectTimeout = Deadline;
            });
            _client = builder.Build();
            await _client.StartAsync();
        }

        return _client;
    }
}
