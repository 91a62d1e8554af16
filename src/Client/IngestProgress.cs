namespace StreamPredictor.Client;

/// <summary>How far an ingest has come: ticks sent so far and the elapsed time.</summary>
public sealed record IngestProgress(long TicksSent, long BatchesSent, TimeSpan Elapsed)
{
    public double TicksPerSecond => TicksSent / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
