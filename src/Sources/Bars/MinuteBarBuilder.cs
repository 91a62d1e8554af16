namespace StreamPredictor.Sources.Bars;

/// <summary>
/// Turns trades into one-minute bars by trade time. Minutes before <see cref="CompleteBefore"/> are final: a bar
/// is handed out once, when <see cref="Complete"/> moves that mark past its minute, and later trades of it are
/// refused as late. Trades may come in any order and more than once (by id) within the open minutes.
/// </summary>
public sealed class MinuteBarBuilder(long start)
{
    private readonly SortedDictionary<long, PendingBar> _open = [];

    /// <summary>The minute (unix seconds) the builder starts at; earlier trades belong to someone else.</summary>
    public long Start { get; } = Minutes.Floor(start);

    /// <summary>Every minute before this one (unix seconds) is complete and has been handed out.</summary>
    public long CompleteBefore { get; private set; } = Minutes.Floor(start);

    /// <summary>Minutes with trades that are not complete yet.</summary>
    public int OpenMinutes => _open.Count;

    public TradeOutcome Add(in Trade trade)
    {
        var minute = trade.Minute;
        if (minute < CompleteBefore)
        {
            return minute < Start ? TradeOutcome.BeforeStart : TradeOutcome.Late;
        }

        if (!_open.TryGetValue(minute, out var bar))
        {
            bar = new PendingBar();
            _open.Add(minute, bar);
        }

        return bar.Add(trade) ? TradeOutcome.Added : TradeOutcome.Duplicate;
    }

    /// <summary>
    /// Declares every minute before <paramref name="before"/> (unix seconds, floored to its minute) complete and
    /// appends their bars, oldest first, to <paramref name="bars"/>. Returns how many were appended.
    /// </summary>
    public int Complete(long before, ICollection<Tick> bars)
    {
        before = Minutes.Floor(before);
        if (before <= CompleteBefore)
        {
            return 0;
        }

        var done = 0;
        while (_open.Count > 0)
        {
            var (minute, bar) = _open.First();
            if (minute >= before)
            {
                break;
            }

            _open.Remove(minute);
            bars.Add(bar.ToTick(minute));
            done++;
        }

        CompleteBefore = before;
        return done;
    }
}
