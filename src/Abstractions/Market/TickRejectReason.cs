namespace StreamPredictor.Abstractions.Market;

/// <summary>Why a market grain refused a tick. Never renumber: counts are stored by these values.</summary>
[GenerateSerializer, Alias("stream.tick-reject-reason")]
public enum TickRejectReason
{
    /// <summary>The timestamp is before 1970 or from 2100 on.</summary>
    TimestampOutOfRange = 0,

    /// <summary>A price or the volume is NaN or infinite.</summary>
    NotFinite = 1,

    /// <summary>A price is zero or negative.</summary>
    NonPositivePrice = 2,

    /// <summary>The high is below the low.</summary>
    HighBelowLow = 3,

    /// <summary>The volume is negative.</summary>
    NegativeVolume = 4,

    /// <summary>A price or the volume is beyond what a day's exact sum can hold.</summary>
    TooLarge = 5,

    /// <summary>The tick's day is older than the allowed lateness behind the symbol's newest day.</summary>
    TooLate = 6,

    /// <summary>The tick is stamped further ahead of the wall clock than the allowed margin.</summary>
    Future = 7,
}
