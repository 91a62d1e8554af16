using StreamPredictor.Sources.Monitoring;
using StreamPredictor.Ticks;

namespace StreamPredictor.Sources.Ingestion;

/// <summary>The last gate before the stream: ticks that break the SDK's rules are counted and never sent.</summary>
public static class ValidTicks
{
    public static async IAsyncEnumerable<Tick> Only(IAsyncEnumerable<Tick> ticks, SourceCounters counters)
    {
        await foreach (var tick in ticks)
        {
            if (TickRules.Reject(tick) is { } reason)
            {
                counters.Bad(BadInput.InvalidTickPrefix + reason);
                continue;
            }

            yield return tick;
        }
    }
}
