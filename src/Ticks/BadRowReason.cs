namespace StreamPredictor.Ticks;

/// <summary>Why a data row of a tick file was refused.</summary>
public enum BadRowReason
{
    /// <summary>The row has more or fewer fields than the layout's header.</summary>
    WrongFieldCount,

    /// <summary>A price or the volume is not a finite number.</summary>
    UnparsableNumber,

    /// <summary>The timestamp is neither unix seconds nor an ISO-8601 UTC time.</summary>
    UnparsableTimestamp,

    /// <summary>The timestamp is before 1970 or from 2100 on (or looks like milliseconds).</summary>
    TimestampOutOfRange,

    /// <summary>A price is zero or negative.</summary>
    NonPositivePrice,

    /// <summary>The high is below the low.</summary>
    HighBelowLow,

    /// <summary>The volume is negative.</summary>
    NegativeVolume,

    /// <summary>A price or the volume is above <see cref="TickRules.MaxValue"/>, more than a day's exact sum can hold.</summary>
    TooLarge,

    /// <summary>A field is empty: the row is damaged (for example the last line of a file cut short).</summary>
    EmptyField,

    /// <summary>A price or the volume is NaN in a row that has a close.</summary>
    MissingValue,
}
