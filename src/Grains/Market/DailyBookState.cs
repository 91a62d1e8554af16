using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>
/// The small, often-written part of a <see cref="DailyBook"/>: the newest day, the accumulators of days that
/// can still change, the counters and the producer marks. Never renumber the ids.
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
}
