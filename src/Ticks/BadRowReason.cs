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
}
