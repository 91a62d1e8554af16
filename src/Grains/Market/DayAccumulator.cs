using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>
/// The running figures of one UTC day. Counts each second once; sums are exact (<see cref="ExactSum"/>), so
/// the figures are the same whatever order the ticks come in.
/// </summary>
public sealed class DayAccumulator(long dayNumber)
{
    private SeenSeconds _seen = new();
    private ExactSum _closeSum;
    private ExactSum _volume;
    private long _firstTimestamp = long.MaxValue;
    private long _lastTimestamp = long.MinValue;
    private double _open;
    private double _close;
    private double _high = double.NegativeInfinity;
    private double _low = double.PositiveInfinity;

    public long DayNumber { get; } = dayNumber;

    public int Ticks => _seen.Count;

    /// <summary>The timestamp of the day's latest tick (unix seconds); meaningless while <see cref="Ticks"/> is 0.</summary>
    public long LastTimestamp => _lastTimestamp;

    public double MeanClose => _closeSum.ToDouble() / Ticks;

    /// <summary>
    /// Adds a tick of this day; false (and nothing changes) when its second was already counted. All or nothing:
    /// when its close or volume cannot be summed (<see cref="OverflowException"/>) the day is left as it was and
    /// the second stays unseen.
    /// </summary>
    public bool TryAdd(in Tick tick)
    {
        var closeSum = _closeSum.Plus(tick.Close);
        var volume = _volume.Plus(tick.Volume);
        if (!_seen.Add((int)(tick.Timestamp - (DayNumber * Tick.SecondsPerDay))))
        {
            return false;
        }

        _closeSum = closeSum;
        _volume = volume;
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
        return true;
    }

    public DailyBar ToDailyBar() => new(
        Tick.DateOf(DayNumber), MeanClose, Ticks, _open, _high, _low, _close, _volume.ToDouble());

    /// <summary>The figures of a stored day, without restoring its seen-seconds.</summary>
    public static DailyBar BarOf(DayAccumulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(
            Tick.DateOf(state.DayNumber), new ExactSum(state.CloseSumHigh, state.CloseSumLow).ToDouble() / state.Count, state.Count,
            state.Open, state.High, state.Low, state.Close, new ExactSum(state.VolumeHigh, state.VolumeLow).ToDouble());
    }

    public DayAccumulatorState ToState() => new(
        DayNumber, _seen.CopyBits(), _seen.BySecond, _seen.Count, _closeSum.High, _closeSum.Low,
        _firstTimestamp, _lastTimestamp, _open, _close, _high, _low, _volume.High, _volume.Low);

    public static DayAccumulator FromState(DayAccumulatorState state) => new(state.DayNumber)
    {
        _seen = SeenSeconds.Restore(state.SeenBits, state.SeenBySecond, state.Count),
        _closeSum = new ExactSum(state.CloseSumHigh, state.CloseSumLow),
        _firstTimestamp = state.FirstTimestamp,
        _lastTimestamp = state.LastTimestamp,
        _open = state.Open,
        _close = state.Close,
        _high = state.High,
        _low = state.Low,
        _volume = new ExactSum(state.VolumeHigh, state.VolumeLow),
    };
}
