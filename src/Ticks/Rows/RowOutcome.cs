namespace StreamPredictor.Ticks.Rows;

/// <summary>What one data row of a tick file turned out to be.</summary>
internal enum RowOutcome
{
    /// <summary>A valid tick.</summary>
    Tick,

    /// <summary>A row whose close is NaN: a minute without trades, skipped and counted.</summary>
    NoTrade,

    /// <summary>A row that fails validation; the <see cref="RowError"/> says why.</summary>
    Bad,
}
