namespace StreamPredictor.Ticks.Rows;

/// <summary>Why a row was refused: the reason, the column (null when the row as a whole is wrong) and what was found.</summary>
internal readonly record struct RowError(BadRowReason Reason, int? Field, string Detail);
