namespace StreamPredictor.Abstractions.Market;

/// <summary>One symbol's daily figures: the open day's running aggregate and every closed day. Key: the symbol.</summary>
[Alias("stream.market-grain")]
public interface IMarketGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch directly (the stream consumer does the same); idempotent by tick timestamp.</summary>
    [Alias("ingest")]
    Task<IngestStats> IngestAsync(TickBatch batch);

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/> inclusive, oldest first; the open day last when asked.</summary>
    [Alias("days")]
    Task<DailyBar[]> GetDaysAsync(DateOnly? from = null, DateOnly? to = null, bool includeOpenDay = true);

    /// <summary>The last <paramref name="count"/> closed days, oldest first: what a model reads.</summary>
    [Alias("closed-tail")]
    Task<DailyBar[]> GetLastClosedDaysAsync(int count);

    /// <summary>The symbol's totals over every producer.</summary>
    [Alias("stats")]
    Task<IngestStats> GetStatsAsync();

    /// <summary>Which of <paramref name="producer"/>'s batches are applied and stored, and what its ticks came to.</summary>
    [Alias("confirmation")]
    Task<BatchConfirmation> GetConfirmationAsync(Guid producer);

    /// <summary>The highest batch number applied from <paramref name="producer"/> (0 when none).</summary>
    [Alias("applied")]
    Task<long> GetAppliedSequenceAsync(Guid producer);
}
