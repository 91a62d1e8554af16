using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>
/// The producer marks of a <see cref="DailyBook"/> (held in its state): which batch numbers of each producer are
/// applied, and what each producer's ticks came to. Batch numbers start at 1; 0 means an unnumbered batch, whose
/// ticks are counted but which is never confirmed. Marks are forgotten only above a soft cap, and only those of
/// producers idle for long, so a live producer never loses its mark however many there are.
/// </summary>
public sealed class ProducerLedger(Dictionary<Guid, ProducerMark> marks, MarketRules rules)
{
    public int Count => marks.Count;

    /// <summary>Whether batch <paramref name="sequence"/> of <paramref name="producer"/> has been applied.</summary>
    public bool IsApplied(Guid producer, long sequence) =>
        sequence > 0 && marks.TryGetValue(producer, out var mark) && Confirmation(mark).IsApplied(sequence);

    public BatchConfirmation Confirmation(Guid producer) =>
        marks.TryGetValue(producer, out var mark) ? Confirmation(mark) : new BatchConfirmation(0, [], TickCounts.None);

    /// <summary>Records a batch of <paramref name="producer"/> and what its ticks came to.</summary>
    public void Record(Guid producer, long sequence, TickCounts counts, long atBatch)
    {
        var now = rules.Clock.GetUtcNow();
        var mark = marks.GetValueOrDefault(producer) ?? new ProducerMark(0, atBatch);
        var contiguous = mark.ContiguousThrough;
        var beyond = mark.AppliedBeyond ?? [];
        if (sequence == contiguous + 1)
        {
            contiguous++;
            var absorbed = 0;
            while (absorbed < beyond.Length && beyond[absorbed] == contiguous + 1)
            {
                contiguous++;
                absorbed++;
            }

            beyond = beyond[absorbed..];
        }
        else if (sequence > contiguous + 1 && Array.BinarySearch(beyond, sequence) is var at && at < 0)
        {
            beyond = [.. beyond[..~at], sequence, .. beyond[~at..]];
        }

        marks[producer] = new ProducerMark(contiguous, atBatch, beyond, (mark.Counts ?? TickCounts.None).Add(counts), now);
        if (marks.Count > rules.ProducerSoftCap)
        {
            ForgetIdle(now);
        }
    }

    private static BatchConfirmation Confirmation(ProducerMark mark) =>
        new(mark.ContiguousThrough, mark.AppliedBeyond ?? [], mark.Counts ?? TickCounts.None);

    /// <summary>Forgets the longest-idle producers that have been idle long enough, down to the soft cap.</summary>
    private void ForgetIdle(DateTimeOffset now)
    {
        var idleSince = now - rules.ProducerIdleTimeout;
        var forgettable = marks.Where(m => m.Value.LastApplied < idleSince)
            .OrderBy(m => m.Value.LastApplied)
            .Take(marks.Count - rules.ProducerSoftCap)
            .Select(m => m.Key)
            .ToList();
        foreach (var producer in forgettable)
        {
            marks.Remove(producer);
        }
    }
}
