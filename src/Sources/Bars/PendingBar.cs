namespace StreamPredictor.Sources.Bars;

/// <summary>
/// The trades of one minute so far, by trade time: open is the earliest trade, close the latest (ties broken by
/// trade id), high and low the extremes, volume the exact sum of sizes. A trade id counts once.
/// </summary>
internal sealed class PendingBar
{
    private readonly HashSet<long> _ids = [];
    private (long Micros, long Id) _first = (long.MaxValue, long.MaxValue);
    private (long Micros, long Id) _last = (long.MinValue, long.MinValue);
    private decimal _open;
    private decimal _close;
    private decimal _high = decimal.MinValue;
    private decimal _low = decimal.MaxValue;
    private decimal _volume;

    public bool Add(in Trade trade)
    {
        if (!_ids.Add(trade.Id))
        {
            return false;
        }

        var key = (trade.Micros, trade.Id);
        if (key.CompareTo(_first) < 0)
        {
            _first = key;
            _open = trade.Price;
        }

        if (key.CompareTo(_last) > 0)
        {
            _last = key;
            _close = trade.Price;
        }

        _high = Math.Max(_high, trade.Price);
        _low = Math.Min(_low, trade.Price);
        _volume += trade.Amount;
        return true;
    }

    public Tick ToTick(long minute) =>
        new(minute, (double)_open, (double)_high, (double)_low, (double)_close, (double)_volume);
}
