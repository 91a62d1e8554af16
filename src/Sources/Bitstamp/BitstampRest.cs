using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using StreamPredictor.Sources.Bars;
using StreamPredictor.Sources.Monitoring;
using StreamPredictor.Sources.Resilience;

namespace StreamPredictor.Sources.Bitstamp;

/// <summary>
/// Pages through Bitstamp's one-minute OHLC history: <c>GET api/v2/ohlc/{pair}/?step=60&amp;limit=N&amp;start=S&amp;
/// exclude_current_candle=true</c>, moving <c>start</c> forward (never with <c>end</c>, which would win over it).
/// Requests are paced under the published limits (<see cref="RequestPacer"/>); a Polly pipeline on the same
/// <see cref="TimeProvider"/> retries forever with exponential back-off and jitter, so throttling, error bodies,
/// HTML pages and timeouts slow a backfill down and never fail it. Only a 404 (no such pair) is final.
/// </summary>
public sealed partial class BitstampRest : IDisposable
{
    private readonly BitstampOptions _options;
    private readonly string _pair;
    private readonly SourceCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly RequestPacer _pacer;
    private readonly ResiliencePipeline<OhlcAnswer> _pipeline;
    private long _requests;

    public BitstampRest(BitstampOptions options, string pair, SourceCounters counters, TimeProvider time, ILogger logger, HttpMessageHandler? handler = null)
    {
        _options = options;
        _pair = pair;
        _counters = counters;
        _time = time;
        _logger = logger;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = 16 << 20,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("StreamPredictor", "1.0"));
        _pacer = new RequestPacer(time, TimeSpan.FromSeconds(1 / options.MaxRequestsPerSecond), options.SlowestRequestInterval);
        _pipeline = new ResiliencePipelineBuilder<OhlcAnswer> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<OhlcAnswer>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
                    { Result.Kind: OhlcAnswerKind.Throttled or OhlcAnswerKind.Failed } => true,
                    _ => false,
                }),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                // A throttled request waits in the pacer (Retry-After, or its doubled spacing), not here as well.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.Kind == OhlcAnswerKind.Throttled ? TimeSpan.Zero : (TimeSpan?)null),
                OnRetry = args =>
                {
                    LogRetry(_logger, _pair, args.AttemptNumber + 1, args.Outcome.Result?.Detail ?? args.Outcome.Exception?.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.RequestTimeout)
            .Build();
    }

    /// <summary>The pacer's current spacing between requests (it grows after throttling answers).</summary>
    public TimeSpan RequestInterval => _pacer.Interval;

    /// <summary>Requests sent, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>
    /// The minutes with trades in [<paramref name="from"/>, <paramref name="to"/>), oldest first, each once. The
    /// caller makes sure they are complete at the exchange (<paramref name="to"/> not after the last final minute).
    /// </summary>
    public async IAsyncEnumerable<Tick> ReadAsync(long from, long to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var span = _options.PageSize * Minutes.Seconds;
        var start = Minutes.Floor(from);
        var last = long.MinValue;
        while (start < to)
        {
            var windowEnd = Math.Min(to, start + span);
            var page = await GetPageAsync(start, cancellationToken);
            foreach (var bar in page.Bars)
            {
                if (bar.Timestamp >= start && bar.Timestamp < to && bar.Timestamp > last)
                {
                    last = bar.Timestamp;
                    yield return bar;
                }
            }

            // A full page goes on after its newest entry. A short or empty one means nothing more up to the end of
            // its window (whether the exchange counts `limit` in entries or in minutes), so go on from there.
            var next = page.NewestEntry is { } newest ? newest + Minutes.Seconds : start;
            start = page.Entries >= _options.PageSize && next > start ? next : Math.Max(next, windowEnd);
        }
    }

    /// <summary>One page starting at <paramref name="start"/>; retried until it is a page.</summary>
    public async Task<OhlcAnswer> GetPageAsync(long start, CancellationToken cancellationToken)
    {
        var answer = await _pipeline.ExecuteAsync(async token => await RequestAsync(start, token), cancellationToken);
        if (answer.Kind == OhlcAnswerKind.NotFound)
        {
            throw new SourceException($"bitstamp: {_options.RestUrl} has no OHLC for pair '{_pair}' ({answer.Detail})");
        }

        return answer;
    }

    public void Dispose() => _http.Dispose();

    private async ValueTask<OhlcAnswer> RequestAsync(long start, CancellationToken cancellationToken)
    {
        await _pacer.WaitTurnAsync(cancellationToken);
        Interlocked.Increment(ref _requests);
        var uri = new Uri(BaseUri(), string.Create(CultureInfo.InvariantCulture,
            $"api/v2/ohlc/{_pair}/?step=60&limit={_options.PageSize}&start={start}&exclude_current_candle=true"));
        using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var latest = (_time.GetUtcNow() + _options.FutureTolerance).ToUnixTimeSeconds();
        var answer = OhlcParser.Parse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, RetryAfter(response), latest);
        Count(answer);
        return answer;
    }

    private void Count(OhlcAnswer answer)
    {
        if (answer.Problem is { } problem)
        {
            _counters.Bad(problem);
        }

        foreach (var refused in answer.RefusedEntries)
        {
            _counters.Bad(refused);
        }

        if (answer.Kind == OhlcAnswerKind.Throttled)
        {
            _counters.ThrottledOnce();
            _pacer.Throttled(answer.RetryAfter);
        }
        else if (answer.Kind == OhlcAnswerKind.Page)
        {
            _pacer.Succeeded();
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private Uri BaseUri() =>
        _options.RestUrl.AbsoluteUri.EndsWith('/') ? _options.RestUrl : new Uri(_options.RestUrl.AbsoluteUri + "/");

    [LoggerMessage(Level = LogLevel.Debug, Message = "OHLC {Pair}: retry {Attempt} after {Delay} ({Problem})")]
    private static partial void LogRetry(ILogger logger, string pair, int attempt, string? problem, TimeSpan delay);
}
