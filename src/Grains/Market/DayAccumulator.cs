using Stream.Abstractions.Market;

namespace Stream.Grains.Market;

/// <summary>
/// The running figures of one UTC day. Counts each second once, whatever order ticks come in; the mean
/// close is a compensated (Neumaier) sum over the count, so it does not drift over long days.
/// </summary>
public sealed class DayAccumulator(long dayNumber)
{
    private readonly SeenSeconds _seen = new();
    private double _closeSum;
    private double _closeCompensation;
    private long _firstTimestamp = long.MaxValue;
    private long _lastTimestamp = long.MinValue;
    private double _open;
    private double _close;
    private double _high = double.NegativeInfinity;
    private double _low = double.PositiveInfinity;
    private double _volume;

    public long DayNumber { get; } = dayNumber;

    public int Ticks => _seen.Count;

    public double MeanClose => (_closeSum + _closeCompensation) / Ticks;

    /// <summary>Adds a tick of this day; false (and nothing changes) when its second was already counted.</summary>
    public bool TryAdd(in Tick tick)
    {
        if (!_seen.Add((int)(tick.Timestamp - (DayNumber * Tick.SecondsPerDay))))
        {
            return false;
        }

        AddToSum(tick.Close);
        if (tick.Timestamp < _firstTimestamp)
        {
            _firstTimestamp = tick.Timestamp;
            _open = tick.Open;
        }

        if (tick.Timestamp > _lastTimestamp)
        {
            _lastTimestamp = tick.Timestamp;
            _close = tick.Close;
        }

        _high = Math.Max(_high, tick.High);
        _low = Math.Min(_low, tick.Low);
        _volume += tick.Volume;
        return true;
    }

    public DailyBar ToDailyBar() => new(
        DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(DayNumber)), MeanClose, Ticks, _open, _high, _low, _close, _volume);

    private void AddToSum(double value)
    {
        var sum = _closeSum + value;
        _closeCompensation += Math.Abs(_closeSum) >= Math.Abs(value)
            ? (_closeSum - sum) + value
            : (value - sum) + _closeSum;
        _closeSum = sum;
    }
}
