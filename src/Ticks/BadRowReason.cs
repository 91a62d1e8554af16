namespace StreamPredictor.Ticks;

/// <summary>Why a data row of a tick file was refused.</summary>
public enum BadRowReason
{
    WrongFieldCount,
    UnparsableNumber,
    UnparsableTimestamp,
    TimestampOutOfRange,
    NonPositivePrice,
    HighBelowLow,
    NegativeVolume,

    /// <summary>A price or the volume is above <see cref="TickRules.MaxValue"/>, more than a day's exact sum can hold.</summary>
    TooLarge,

    /// <summary>A field is empty: the row is damaged (for example the last line of a file cut short).</summary>
    EmptyField,

    /// <summary>A price or the volume is NaN in a row that has a close.</summary>
    MissingValue,
}
