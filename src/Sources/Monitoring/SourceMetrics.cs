using System.Diagnostics.Metrics;

namespace StreamPredictor.Sources.Monitoring;

/// <summary>
/// The sources' instruments on the <c>StreamPredictor.Sources</c> meter, tagged with <c>symbol</c> and
/// <c>source</c> (and <c>reason</c> or <c>origin</c>): what an exporter publishes next to the status line.
/// </summary>
public sealed class SourceMetrics
{
    public const string MeterName = "StreamPredictor.Sources";

    public SourceMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        BadInput = meter.CreateCounter<long>("stream.source.bad_input", "{item}", "Messages, trades, bars or rows refused, by reason");
        Minutes = meter.CreateCounter<long>("stream.source.minutes", "{minute}", "Minute bars (or ticks) handed to the publisher, by origin (live, repair, replay)");
        Reconnects = meter.CreateCounter<long>("stream.source.reconnects", "{connection}", "Connections replaced, by reason");
        Gaps = meter.CreateCounter<long>("stream.source.gaps_repaired", "{gap}", "Gaps filled from the exchange's history");
        Trades = meter.CreateCounter<long>("stream.source.trades", "{trade}", "Trades counted into minute bars");
        Throttled = meter.CreateCounter<long>("stream.source.throttled", "{request}", "REST requests answered with a throttling answer");
    }

    public Counter<long> BadInput { get; }

    public Counter<long> Minutes { get; }

    public Counter<long> Reconnects { get; }

    public Counter<long> Gaps { get; }

    public Counter<long> Trades { get; }

    public Counter<long> Throttled { get; }
}
