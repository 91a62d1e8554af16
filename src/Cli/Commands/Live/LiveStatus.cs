using System.Globalization;
using StreamPredictor.Client;
using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Cli.Commands.Live;

/// <summary>The status line of <c>stream live</c>: connection, last trade, minutes, repairs, reconnects, bad input by reason.</summary>
public static class LiveStatus
{
    public static string Format(string symbol, SourceStatus s, IngestProgress? sent, bool isReplay)
    {
        var c = CultureInfo.InvariantCulture;
        var state = isReplay ? "replaying" : s.Connected ? "connected" : "disconnected";
        var last = s.LastTradeTime is { } t ? t.ToString(isReplay ? "yyyy-MM-dd HH:mm'Z'" : "yyyy-MM-dd HH:mm:ss'Z'", c) : "none yet";
        var parts = new List<string>
        {
            $"{symbol} {s.Source} {state}",
            (isReplay ? "at " : "last trade ") + last,
            string.Create(c, $"{s.MinutesPublished:N0} {(isReplay ? "ticks" : "minutes")} published, {sent?.TicksSent ?? 0:N0} sent"),
        };
        if (!isReplay)
        {
            parts.Add(string.Create(c, $"{s.GapsRepaired:N0} gaps repaired ({s.MinutesRepaired:N0} min)"));
            parts.Add(string.Create(c, $"{s.Reconnects:N0} reconnects"));
            if (s.Throttled > 0)
            {
                parts.Add(string.Create(c, $"{s.Throttled:N0} throttled"));
            }
        }

        parts.Add("bad input: " + (s.BadInput.Count == 0 ? "none" : string.Join(", ", s.BadInput.Select(b => string.Create(c, $"{b.Key} {b.Value:N0}")))));
        return string.Join(" | ", parts);
    }
}
