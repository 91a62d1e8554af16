namespace StreamPredictor.Sources.Bars;

/// <summary>What a <see cref="MinuteBarBuilder"/> did with a trade.</summary>
public enum TradeOutcome
{
    /// <summary>Counted in its minute's bar.</summary>
    Added,

    /// <summary>A trade id already counted in that minute: ignored.</summary>
    Duplicate,

    /// <summary>Before the minute the builder starts at (another path, REST repair, covers that minute): ignored.</summary>
    BeforeStart,

    /// <summary>Its minute was already complete and published: too late to count.</summary>
    Late,
}
