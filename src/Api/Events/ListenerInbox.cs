using System.Threading.Channels;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Api.Events;

/// <summary>
/// What one HTTP listener has not read yet: forecasts in order (a slow listener drops its oldest beyond
/// <see cref="ForecastBuffer"/>), and only the newest nowcast (each one supersedes the last, and nowcasts come as
/// often as batches do, so they can never crowd a forecast out). Writers never block.
/// </summary>
public sealed class ListenerInbox
{
    /// <summary>Forecasts a slow listener may fall behind by before the oldest are dropped (only the newest matters).</summary>
    public const int ForecastBuffer = 16;

    private readonly Channel<Forecast> _forecasts = Channel.CreateBounded<Forecast>(new BoundedChannelOptions(ForecastBuffer)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    // One pending wake-up at most: a write after the reader took the wake-up leaves a new one, so nothing waits unseen.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private Nowcast? _nowcast;

    public void Post(Forecast forecast)
    {
        _forecasts.Writer.TryWrite(forecast);
        _wake.Writer.TryWrite(true);
    }

    public void Post(Nowcast nowcast)
    {
        Interlocked.Exchange(ref _nowcast, nowcast);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>No more items: the reader ends once it has taken what is left.</summary>
    public void Complete()
    {
        _forecasts.Writer.TryComplete();
        _wake.Writer.TryComplete();
    }

    /// <summary>Waits until something was posted; false once the inbox is complete and empty.</summary>
    public async ValueTask<bool> WaitAsync(CancellationToken cancellationToken)
    {
        if (!await _wake.Reader.WaitToReadAsync(cancellationToken))
        {
            return false;
        }

        _wake.Reader.TryRead(out _);
        return true;
    }

    public bool TryTakeForecast(out Forecast forecast) => _forecasts.Reader.TryRead(out forecast!);

    public Nowcast? TakeNowcast() => Interlocked.Exchange(ref _nowcast, null);
}
