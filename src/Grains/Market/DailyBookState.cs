using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>
/// The small, often-written part of a <see cref="DailyBook"/>: the newest day, the accumulators of days that
/// can still change, and the counters. Never renumber the ids.
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

    [Id(6)] public Dictionary<string, long> Rejected { get; set; } = [];

    [Id(7)] public long Revisions { get; set; }

    /// <summary>Per producer: the last batch number applied and the book's batch count then (to forget idle producers).</summary>
    [Id(8)] public Dictionary<Guid, ProducerMark> Producers { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("stream.producer-mark")]
public sealed record ProducerMark([property: Id(0)] long Sequence, [property: Id(1)] long AtBatch);

/// <summary>The history of closed days: written only when a day closes or is revised.</summary>
[GenerateSerializer, Alias("stream.daily-history-state")]
public sealed class DailyHistoryState
{
    [Id(0)] public List<DailyBar> ClosedDays { get; set; } = [];
}
