using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>
/// Day events stored with the batches that caused them until the "days" stream has taken them. A newer event of a
/// day still queued replaces its figures (a close stays a close); beyond <see cref="Capacity"/> the oldest go, since a
/// consumer re-reads the latest days on any event. The cap is small on purpose: a backlog (a replayed file, or a
/// stream that refused items for a while) is published in one flush, and thousands of events at once would fill the
/// stream's queue that tick batches share, which is what made publishing fail in the first place.
/// </summary>
public sealed class DayEventOutbox(IEnumerable<PendingDayEvent> stored)
{
    public const int Capacity = 64;

    private readonly List<PendingDayEvent> _events = [.. stored];

    public IReadOnlyList<PendingDayEvent> Events => _events;

    public void Queue(DayEventKind kind, DailyBar day)
    {
        var queued = _events.FindIndex(e => e.Day.Date == day.Date);
        if (queued >= 0)
        {
            _events[queued] = _events[queued] with { Day = day };
            return;
        }

        if (_events.Count == Capacity)
        {
            _events.RemoveAt(0);
        }

        _events.Add(new PendingDayEvent(kind, day));
    }

    /// <summary>The first <paramref name="count"/> events were published.</summary>
    public void Published(int count) => _events.RemoveRange(0, count);
}
