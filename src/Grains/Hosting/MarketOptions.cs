namespace StreamPredictor.Grains.Hosting;

/// <summary>How market grains treat event time, producers and deferred work. Bound from <c>Stream:Market</c>.</summary>
public sealed class MarketOptions
{
    public const string SectionName = "Stream:Market";

    /// <summary>How many days behind the newest day a late tick may still revise its (closed) day.</summary>
    public int AllowedLatenessDays { get; set; } = 1;

    /// <summary>How far ahead of the silo's clock a tick may be stamped; later ones are refused as <c>Future</c> and counted.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Producer marks kept whatever their age; above this many, those idle longer than <see cref="ProducerIdleTimeout"/> are forgotten.</summary>
    public int ProducerSoftCap { get; set; } = 1_024;

    /// <summary>How long a producer must have sent nothing before its mark may be forgotten.</summary>
    public TimeSpan ProducerIdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a grain retries a history write or a day event that failed, until it succeeds.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(5);
}
