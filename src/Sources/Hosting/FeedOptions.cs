namespace StreamPredictor.Sources.Hosting;

/// <summary>One symbol fed by one source; an entry of <c>Stream:Live:Feeds</c>.</summary>
public sealed class FeedOptions
{
    /// <summary>The symbol the bars are published under (<see cref="SymbolName"/>'s rule).</summary>
    public string Symbol { get; set; } = "";

    /// <summary><c>bitstamp</c>, or <c>replay:PATH</c> for a tick file played as a live feed.</summary>
    public string Source { get; set; } = "";

    /// <summary>The exchange's pair (Bitstamp: <c>btcusd</c>); by default the symbol in lower case without separators.</summary>
    public string? Pair { get; set; }

    /// <summary>For a replay: how many times faster than the file's own time (0: as fast as possible).</summary>
    public double Speed { get; set; } = 1;
}
