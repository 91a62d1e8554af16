using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>
/// The small part of a <see cref="DailyBook"/>, written with every batch: the newest day, the accumulators of the open
/// day, the revisable days and the days still waiting for their history write, the counters, the producer marks,
/// the history not yet written and the day events not yet published. Never renumber the ids.
/// </summary>
[GenerateSerializer, Alias("stream.daily-book-state")]
public sealed class DailyBookState
{
    [Id(0)] public long NewestDay { get; set; } = long.MinValue;

    [Id(1)] public List<DayAccumulatorState> RecentDays { get; set; } = [];

    [Id(2)] public long Batches { get; set; }

    [Id(3)] public long Accepted { get; set; }

    [Id(4)] public long Duplicates { get; set; }

    [Id(5)] public long LateAccepted { get; set; }

    /// <summary>Rejected counts keyed by reason name, as state written before <see cref="RejectedByReason"/>; moved there on load.</summary>
    [Id(6)] public Dictionary<string, long> LegacyRejected { get; set; } = [];

    [Id(7)] public long Revisions { get; set; }

    /// <summary>Per producer: its batch numbers applied and its counts (<see cref="ProducerLedger"/>).</summary>
    [Id(8)] public Dictionary<Guid, ProducerMark> Producers { get; set; } = [];

    [Id(9)] public Dictionary<TickRejectReason, long> RejectedByReason { get; set; } = [];

    /// <summary>Closed days whose figures changed since their history record was last written.</summary>
    [Id(10)] public List<long> PendingHistory { get; set; } = [];

    /// <summary>Day events not yet taken by the "days" stream.</summary>
    [Id(11)] public List<PendingDayEvent> Outbox { get; set; } = [];

    /// <summary>The months (<see cref="HistoryMonth"/>) that have a history record.</summary>
    [Id(12)] public List<int> HistoryMonths { get; set; } = [];

    /// <summary>The layout: 0 for state written before closed days were kept in monthly records, 2 since.</summary>
    [Id(13)] public int Version { get; set; }
}
