using StreamPredictor.Client;

namespace StreamPredictor.Sources.Ingestion;

/// <summary>
/// What a backfill covered: the range asked for ([<see cref="From"/>, <see cref="To"/>), unix seconds, the end cut
/// to the last complete minute), where it started (later than <see cref="From"/> when it resumed), and what it sent
/// (null when the symbol already held the range).
/// </summary>
public sealed record BackfillResult(long From, long To, long Start, IngestResult? Sent)
{
    public bool Resumed => Start > From;
}
