using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Client;

/// <summary>What an ingest sent and what the symbol's market grain made of everything it has received.</summary>
public sealed record IngestResult(long TicksSent, long BatchesSent, TimeSpan Elapsed, IngestStats Stats)
{
    public double TicksPerSecond => TicksSent / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
