using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>Counts of what happened to the ticks of one batch, built up while the batch is applied.</summary>
public sealed class TickTally
{
    private readonly Dictionary<TickRejectReason, long> _rejected = [];

    public long Accepted { get; set; }

    public long Duplicates { get; set; }

    public long LateAccepted { get; set; }

    public void Reject(TickRejectReason reason) => _rejected[reason] = _rejected.GetValueOrDefault(reason) + 1;

    public TickCounts ToCounts() => new(Accepted, Duplicates, LateAccepted, new Dictionary<TickRejectReason, long>(_rejected));
}
