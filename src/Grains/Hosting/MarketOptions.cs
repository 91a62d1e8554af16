namespace StreamPredictor.Grains.Hosting;

/// <summary>How market grains treat event time. Bound from <c>Stream:Market</c>.</summary>
public sealed class MarketOptions
{
    public const string SectionName = "Stream:Market";

    /// <summary>How many days behind the newest day a late tick may still revise its (closed) day.</summary>
    public int AllowedLatenessDays { get; set; } = 1;
}
