using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Sources;
using StreamPredictor.Sources.Bitstamp;
using StreamPredictor.Sources.Hosting;
using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Cli.Commands.Live;

/// <summary>The options <c>stream live</c> and <c>stream backfill</c> share: which source, and where the exchange is.</summary>
public sealed class SourceOptions
{
    public Option<string> Source { get; } = new("--source")
    {
        Description = "bitstamp, or replay:FILE to play a tick file as a live feed.",
        Required = true,
    };

    public Option<string?> Pair { get; } = new("--pair")
    {
        Description = "The exchange's pair, e.g. btcusd (default: the symbol in lower case without separators).",
    };

    public Option<string?> WebSocketUrl { get; } = new("--ws-url")
    {
        Description = "The exchange's WebSocket endpoint (default wss://ws.bitstamp.net).",
    };

    public Option<string?> RestUrl { get; } = new("--rest-url")
    {
        Description = "The exchange's REST base URL (default https://www.bitstamp.net/).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Source);
        command.Options.Add(Pair);
        command.Options.Add(WebSocketUrl);
        command.Options.Add(RestUrl);
    }

    /// <summary>Checks the symbol and the source before anything connects; a mistake is one line, exit code 2.</summary>
    public static void Check(string symbol, string source, string? pair, double speed)
    {
        if (SymbolName.Problem(symbol) is { } badSymbol)
        {
            throw new CliUsageException(badSymbol);
        }

        if (SourceFactory.Problem(source, pair ?? SourceFactory.DefaultPair(symbol), speed) is { } badSource)
        {
            throw new CliUsageException(badSource);
        }
    }

    /// <summary>A source factory with the exchange endpoints from the command line; warnings go to standard error.</summary>
    public SourceFactory Factory(ParseResult result, CliConsole console)
    {
        var bitstamp = new BitstampOptions();
        bitstamp.WebSocketUrl = Url(result.GetValue(WebSocketUrl), "--ws-url", "ws:// or wss://", "ws", "wss") ?? bitstamp.WebSocketUrl;
        bitstamp.RestUrl = Url(result.GetValue(RestUrl), "--rest-url", "http:// or https://", "http", "https") ?? bitstamp.RestUrl;

        var loggers = LoggerFactory.Create(b => b.AddProvider(new ConsoleErrorLoggerProvider(console)).SetMinimumLevel(LogLevel.Warning));
        return new SourceFactory(Options.Create(bitstamp), TimeProvider.System, loggers, new SourceMetrics());
    }

    private static Uri? Url(string? text, string option, string kinds, params string[] schemes) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && schemes.Contains(url.Scheme) ? url
        : throw new CliUsageException($"{option} must be an absolute {kinds} URL, not '{text}'");
}
