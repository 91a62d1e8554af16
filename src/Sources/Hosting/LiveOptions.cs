using StreamPredictor.Sources.Bitstamp;

namespace StreamPredictor.Sources.Hosting;

/// <summary>
/// Live ingestion inside a silo. Bound from <c>Stream:Live</c>: the feeds to run (none by default, so the worker
/// does nothing), and the Bitstamp connection under <c>Stream:Live:Bitstamp</c> (<see cref="BitstampOptions"/>).
/// </summary>
public sealed class LiveOptions
{
    public const string SectionName = "Stream:Live";

    public IList<FeedOptions> Feeds { get; } = [];

    /// <summary>A feed that failed (not bad input, which never stops it: a wrong pair, a lost cluster) restarts after this.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On shutdown, how long to wait for the cluster to confirm what was published.</summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Ticks per published batch at most.</summary>
    public int BatchSize { get; set; } = 4096;

    /// <summary>Why these options cannot work, or null.</summary>
    public string? Problem()
    {
        if (BatchSize < 1)
        {
            return $"{SectionName}:BatchSize must be at least 1";
        }

        if (RestartDelay <= TimeSpan.Zero || ConfirmTimeout <= TimeSpan.Zero)
        {
            return $"{SectionName}:RestartDelay and ConfirmTimeout must be positive";
        }

        for (var i = 0; i < Feeds.Count; i++)
        {
            var feed = Feeds[i];
            var where = $"{SectionName}:Feeds:{i}";
            if (SymbolName.Problem(feed.Symbol) is { } symbol)
            {
                return $"{where}:Symbol: {symbol}";
            }

            if (SourceFactory.Problem(feed.Source, feed.Pair ?? SourceFactory.DefaultPair(feed.Symbol), feed.Speed) is { } source)
            {
                return $"{where}:Source: {source}";
            }
        }

        var twice = Feeds.GroupBy(f => f.Symbol, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? null : $"{SectionName}:Feeds: symbol '{twice.Key}' is fed twice; give each symbol one source";
    }
}
