using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StreamPredictor.Sources.LocalExchange;

/// <summary>
/// A local stand-in for Bitstamp on a loopback port (Kestrel), speaking the parts of its public APIs a trade
/// feed uses: WebSocket v2 at <see cref="WebSocketUrl"/> (<c>bts:subscribe</c> to <c>live_trades_PAIR</c>,
/// client heartbeats, <c>bts:request_reconnect</c>) and REST OHLC at <see cref="RestUrl"/>
/// (<c>api/v2/ohlc/PAIR/?step=60&amp;limit=N&amp;start=S&amp;exclude_current_candle=true</c>, every value a string).
/// Its clock is the <see cref="TimeProvider"/> it is given. Tests script it: publish trades (recorded on the
/// <see cref="Tape"/>, sent to subscribers), send raw text, drop or silence connections, throttle or break REST.
/// </summary>
public sealed class LocalBitstamp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<SocketClient, byte> _clients = new();
    private readonly ConcurrentQueue<RestFault> _faults = new();
    private readonly ConcurrentQueue<RestRequest> _requests = new();
    private readonly Lock _rateLock = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private long _messagesSent;
    private long _connections;
    private long _subscriptions;
    private long _heartbeats;
    private long _throttled;

    private LocalBitstamp(WebApplication app, TimeProvider time, Uri baseUrl)
    {
        _app = app;
        _time = time;
        RestUrl = baseUrl;
        WebSocketUrl = new UriBuilder(baseUrl) { Scheme = "ws" }.Uri;
    }

    public Uri WebSocketUrl { get; }

    public Uri RestUrl { get; }

    public TradeTape Tape { get; } = new();

    /// <summary>When false, subscriptions are answered with <c>bts:error</c> instead of <c>bts:subscription_succeeded</c>.</summary>
    public bool AcceptSubscriptions { get; set; } = true;

    /// <summary>When set, WebSocket upgrades are refused with 503 (the feed is down; REST may still answer).</summary>
    public bool RefuseConnections { get; set; }

    /// <summary>When set, OHLC pages hold every minute of their window (limit counts minutes), empty ones with volume "0".</summary>
    public bool IncludeEmptyMinutes { get; set; }

    /// <summary>A rate limit on the server clock: more requests than this in <see cref="RateWindow"/> get a 429 with Retry-After.</summary>
    public int? MaxRequestsPerWindow { get; set; }

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs before each OHLC answer (after it is logged); a test can hold a request here.</summary>
    public Func<RestRequest, Task>? BeforeAnswer { get; set; }

    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    public long Connections => Interlocked.Read(ref _connections);

    public long Subscriptions => Interlocked.Read(ref _subscriptions);

    public long HeartbeatsReceived => Interlocked.Read(ref _heartbeats);

    /// <summary>OHLC requests answered with 429.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    public int OpenConnections => _clients.Keys.Count(c => c.IsOpen);

    public IReadOnlyList<RestRequest> Requests => [.. _requests];

    public static async Task<LocalBitstamp> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        LocalBitstamp? server = null;
        app.Map("/", (HttpContext context) => server!.AcceptAsync(context));
        app.MapGet("/api/v2/ohlc/{pair}/", (HttpContext context, string pair) => server!.OhlcAsync(context, pair));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LocalBitstamp(app, time, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
        return server;
    }

    /// <summary>Records trades on the tape and sends them, in the given order (duplicates included), to the pair's subscribers.</summary>
    public async Task PublishAsync(string pair, IReadOnlyList<ServerTrade> trades)
    {
        Tape.Add(pair, trades);
        var channel = "live_trades_" + pair;
        foreach (var client in _clients.Keys.Where(c => c.Channel == channel && !c.Silent))
        {
            foreach (var trade in trades)
            {
                await SendAsync(client, trade.ToMessage(pair));
            }
        }
    }

    /// <summary>Records trades on the tape only: they happened while nobody listened.</summary>
    public void Record(string pair, IReadOnlyList<ServerTrade> trades) => Tape.Add(pair, trades);

    /// <summary>Sends any text to every open connection (garbage, unknown events, errors).</summary>
    public async Task SendRawAsync(string text)
    {
        foreach (var client in _clients.Keys.Where(c => !c.Silent))
        {
            await SendAsync(client, text);
        }
    }

    /// <summary>The connections open now stop answering anything (heartbeats, trades) but stay open; new ones behave.</summary>
    public void SilenceConnections()
    {
        foreach (var client in _clients.Keys)
        {
            client.Silent = true;
        }
    }

    public Task RequestReconnectAsync() => SendRawAsync("""{"event":"bts:request_reconnect","channel":"","data":""}""");

    /// <summary>Drops every connection at once, as a network failure would (no close handshake).</summary>
    public void DropConnections()
    {
        foreach (var client in _clients.Keys)
        {
            client.Abort();
        }
    }

    public void Fail(params RestFault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    public async ValueTask DisposeAsync()
    {
        DropConnections();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<bool> SendAsync(SocketClient client, string text)
    {
        if (!await client.SendAsync(text))
        {
            return false;
        }

        Interlocked.Increment(ref _messagesSent);
        return true;
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || RefuseConnections)
        {
            context.Response.StatusCode = RefuseConnections ? 503 : 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var client = new SocketClient(socket);
        _clients.TryAdd(client, 0);
        Interlocked.Increment(ref _connections);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await client.CloseAsync();
                    break;
                }

                await HandleAsync(client, buffer.AsMemory(0, result.Count));
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            // the client went away or the connection was dropped
        }
        finally
        {
            _clients.TryRemove(client, out _);
        }
    }

    private async Task HandleAsync(SocketClient client, ReadOnlyMemory<byte> message)
    {
        if (client.Silent)
        {
            return;
        }

        using var json = JsonDocument.Parse(message);
        var name = json.RootElement.GetProperty("event").GetString();
        if (name == "bts:subscribe")
        {
            var channel = json.RootElement.GetProperty("data").GetProperty("channel").GetString();
            if (!AcceptSubscriptions)
            {
                await SendAsync(client, """{"event":"bts:error","channel":"","data":{"code":null,"message":"Bad subscription string."}}""");
                return;
            }

            client.Channel = channel;
            Interlocked.Increment(ref _subscriptions);
            await SendAsync(client, $$$"""{"event":"bts:subscription_succeeded","channel":"{{{channel}}}","data":{}}""");
        }
        else if (name == "bts:heartbeat")
        {
            Interlocked.Increment(ref _heartbeats);
            await SendAsync(client, """{"event":"bts:heartbeat","channel":"","data":{"status":"success"}}""");
        }
    }

    private async Task OhlcAsync(HttpContext context, string pair)
    {
        var query = context.Request.Query;
        var start = long.Parse(query["start"].ToString(), CultureInfo.InvariantCulture);
        var limit = int.Parse(query["limit"].ToString(), CultureInfo.InvariantCulture);
        var now = _time.GetUtcNow();
        var fault = RateLimited(now) ?? (_faults.TryDequeue(out var next) ? next : null);
        var request = new RestRequest(now, pair, start, limit, query["exclude_current_candle"] == "true", query.ContainsKey("end"), fault?.Status ?? 200, fault?.RetryAfter);
        _requests.Enqueue(request);
        if (BeforeAnswer is { } hook)
        {
            await hook(request);
        }

        if (fault is not null)
        {
            context.Response.StatusCode = fault.Status;
            context.Response.ContentType = fault.ContentType;
            if (fault.RetryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            if (fault.Status == 429)
            {
                Interlocked.Increment(ref _throttled);
            }

            await context.Response.WriteAsync(fault.Body);
            return;
        }

        var endBefore = now.ToUnixTimeSeconds() / 60 * 60; // exclude_current_candle: only minutes that have ended
        var bars = IncludeEmptyMinutes ? WithEmptyMinutes(pair, start, endBefore, limit) : Tape.Bars(pair, start, endBefore, limit);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Page(pair, bars));
    }

    private RestFault? RateLimited(DateTimeOffset now)
    {
        if (MaxRequestsPerWindow is not { } max)
        {
            return null;
        }

        lock (_rateLock)
        {
            while (_recent.Count > 0 && _recent.Peek() <= now - RateWindow)
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= max)
            {
                return RestFault.Throttle(TimeSpan.FromSeconds(Math.Ceiling((_recent.Peek() + RateWindow - now).TotalSeconds)));
            }

            _recent.Enqueue(now);
            return null;
        }
    }

    private List<ServerBar> WithEmptyMinutes(string pair, long start, long endBefore, int limit)
    {
        var first = (start + 59) / 60 * 60;
        var bars = Tape.Bars(pair, first, Math.Min(endBefore, first + (limit * 60L)), limit).ToDictionary(b => b.Timestamp);
        var page = new List<ServerBar>();
        for (var minute = first; minute + 60 <= endBefore && page.Count < limit; minute += 60)
        {
            page.Add(bars.TryGetValue(minute, out var bar) ? bar : new ServerBar(minute, 1, 1, 1, 1, 0, 0));
        }

        return page;
    }

    private static string Page(string pair, IReadOnlyList<ServerBar> bars)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""{"data":{"pair":"{{pair.ToUpperInvariant()}}","ohlc":[""");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            text.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""{"timestamp":"{{b.Timestamp}}","open":"{{b.Open}}","high":"{{b.High}}","low":"{{b.Low}}","close":"{{b.Close}}","volume":"{{b.Volume}}"}""");
        }

        return text.Append("]}}").ToString();
    }
}
