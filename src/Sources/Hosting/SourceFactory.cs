using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamPredictor.Sources.Bitstamp;
using StreamPredictor.Sources.Monitoring;
using StreamPredictor.Sources.Replay;

namespace StreamPredictor.Sources.Hosting;

/// <summary>
/// Makes a source from its name: <c>bitstamp</c> or <c>replay:FILE</c>. The one place that knows every kind;
/// adding an exchange is its source class plus one case here.
/// </summary>
public sealed class SourceFactory(IOptions<BitstampOptions> bitstamp, TimeProvider time, ILoggerFactory loggers, SourceMetrics metrics)
{
    public const string Bitstamp = "bitstamp";
    public const string ReplayPrefix = "replay:";

    public ITickSource Create(string symbol, string source, string? pair = null, double speed = 1)
    {
        if (Problem(source, pair ?? DefaultPair(symbol), speed) is { } problem)
        {
            throw new SourceException(problem);
        }

        if (source.StartsWith(ReplayPrefix, StringComparison.Ordinal))
        {
            var path = source[ReplayPrefix.Length..];
            return new ReplaySource(path, speed, new SourceCounters(symbol, ReplayPrefix + Path.GetFileName(path), metrics), time);
        }

        var exchangePair = pair ?? DefaultPair(symbol);
        return new BitstampSource(bitstamp.Value, exchangePair, new SourceCounters(symbol, Bitstamp + ":" + exchangePair, metrics), time, loggers.CreateLogger<BitstampSource>());
    }

    public BitstampSource CreateBitstamp(string symbol, string? pair = null) => (BitstampSource)Create(symbol, Bitstamp, pair);

    /// <summary>Why a source cannot be made from these settings, or null.</summary>
    public static string? Problem(string source, string pair, double speed)
    {
        if (source == Bitstamp)
        {
            return BitstampSource.PairProblem(pair);
        }

        if (source.StartsWith(ReplayPrefix, StringComparison.Ordinal))
        {
            var path = source[ReplayPrefix.Length..];
            return path.Length == 0 ? "replay: needs a file, e.g. replay:ticks.csv"
                : !double.IsFinite(speed) || speed < 0 ? $"the replay speed must be 0 (as fast as possible) or a positive factor, not {speed}"
                : !File.Exists(path) ? $"replay file not found: {path}"
                : null;
        }

        return $"unknown source '{source}': use '{Bitstamp}' or '{ReplayPrefix}FILE'";
    }

    /// <summary>The pair a symbol names by default: BTCUSD and BTC-USD both give btcusd.</summary>
    public static string DefaultPair(string symbol) =>
        new([.. symbol.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
}
