using System.Diagnostics.Metrics;
using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Sources.Tests.Monitoring;

public sealed class SourceMetricsTests
{
    [Fact]
    public void Bad_input_reconnects_and_minutes_reach_the_meter_with_their_tags()
    {
        var symbol = "M" + Guid.NewGuid().ToString("N")[..8];
        var seen = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SourceMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var map = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            if (Equals(map.GetValueOrDefault("symbol"), symbol))
            {
                lock (seen)
                {
                    seen.Add((instrument.Name, value, map));
                }
            }
        });
        listener.Start();
        var counters = new SourceCounters(symbol, "bitstamp:btcusd", new SourceMetrics());

        counters.Bad(BadInput.MalformedJson);
        counters.Bad(BadInput.MalformedJson);
        counters.Bad(BadInput.RestHtml);
        counters.Reconnected("silent");
        counters.Published("repair", 3);

        Assert.Equal(2, seen.Count(m => m.Instrument == "stream.source.bad_input" && (string?)m.Tags["reason"] == BadInput.MalformedJson));
        Assert.Single(seen, m => m.Instrument == "stream.source.bad_input" && (string?)m.Tags["reason"] == BadInput.RestHtml);
        Assert.Single(seen, m => m.Instrument == "stream.source.reconnects" && (string?)m.Tags["reason"] == "silent" && (string?)m.Tags["source"] == "bitstamp:btcusd");
        Assert.Single(seen, m => m.Instrument == "stream.source.minutes" && m.Value == 3 && (string?)m.Tags["origin"] == "repair");
        var status = counters.Snapshot();
        Assert.Equal(2, status.BadInput[BadInput.MalformedJson]);
        Assert.Equal(3, status.BadInputTotal);
    }
}
