namespace StreamPredictor.Grains.Market;

/// <summary>How a <see cref="DailyBook"/> treats event time and producers; the grain builds it from <c>MarketOptions</c>.</summary>
public sealed record MarketRules(int AllowedLatenessDays = 1)
{
    /// <summary>Producer marks kept whatever their age; beyond this many, marks idle longer than <see cref="ProducerIdleTimeout"/> are forgotten.</summary>
    public int ProducerSoftCap { get; init; } = 1_024;

    /// <summary>How long a producer must have sent nothing before its mark may be forgotten (only above <see cref="ProducerSoftCap"/>).</summary>
    public TimeSpan ProducerIdleTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The wall clock (producer idleness, future ticks).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
