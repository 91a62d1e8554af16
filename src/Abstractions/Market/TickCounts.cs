namespace StreamPredictor.Abstractions.Market;

/// <summary>What a market grain did with a set of ticks: accepted (late ones among them), duplicates, rejected by reason.</summary>
/// <param name="Accepted">Ticks counted into their days (late ones among them).</param>
/// <param name="Duplicates">Ticks whose timestamp the symbol already had.</param>
/// <param name="LateAccepted">Accepted ticks that revised an already closed day.</param>
/// <param name="RejectedByReason">Ticks refused, by reason.</param>
[GenerateSerializer, Immutable, Alias("stream.tick-counts")]
public sealed record TickCounts(
    [property: Id(0)] long Accepted,
    [property: Id(1)] long Duplicates,
    [property: Id(2)] long LateAccepted,
    [property: Id(3)] IReadOnlyDictionary<TickRejectReason, long> RejectedByReason)
{
    /// <summary>No ticks at all.</summary>
    public static TickCounts None { get; } = new(0, 0, 0, new Dictionary<TickRejectReason, long>());

    /// <summary>Ticks refused, whatever the reason.</summary>
    public long Rejected => RejectedByReason.Values.Sum();

    /// <summary>Every tick these counts cover.</summary>
    public long Total => Accepted + Duplicates + Rejected;

    /// <summary>These counts and <paramref name="other"/> together.</summary>
    public TickCounts Add(TickCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var rejected = new Dictionary<TickRejectReason, long>(RejectedByReason);
        foreach (var (reason, count) in other.RejectedByReason)
        {
            rejected[reason] = rejected.GetValueOrDefault(reason) + count;
        }

        return new TickCounts(Accepted + other.Accepted, Duplicates + other.Duplicates, LateAccepted + other.LateAccepted, rejected);
    }
}
