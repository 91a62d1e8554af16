using System.Runtime.CompilerServices;
using StreamPredictor.Sources.Monitoring;
using StreamPredictor.Ticks;

namespace StreamPredictor.Sources.Replay;

/// <summary>
/// A tick file played as a live feed: each tick is handed out when its own time, measured from the first tick,
/// divided by <see cref="Speed"/>, has passed on the clock (0: as fast as they can be read). Event time is the
/// file's; ticks of any spacing (minutes, hours) go out as they are. Rows that fail validation are counted by
/// reason and skipped, never stopping the replay. Ticks before the resume point (the minute after the newest one the
/// symbol holds) are passed over, so replaying a file again continues it. The sequence ends at the end of the file or
/// at a stop.
/// </summary>
public sealed class ReplaySource(string path, double speed, SourceCounters counters, TimeProvider time) : ITickSource
{
    private readonly Dictionary<BadRowReason, long> _badRows = [];

    public string Name => "replay:" + Path.GetFileName(path);

    public SourceCounters Counters => counters;

    public double Speed => speed;

    public static void Validate(string path, double speed)
    {
        if (!double.IsFinite(speed) || speed < 0)
        {
            throw new SourceException($"--speed must be 0 (as fast as possible) or a positive factor, not {speed}");
        }

        if (!File.Exists(path))
        {
            throw new SourceException($"replay file not found: {path}");
        }
    }

    public async IAsyncEnumerable<Tick> ReadAsync(long? resumeFrom, [EnumeratorCancellation] CancellationToken stopping)
    {
        Validate(path, speed);
        using var reader = TickReader.Open(path, new TickReaderOptions { SkipBad = true });
        var buffer = new Tick[4096];
        long? firstTick = null;
        var started = time.GetTimestamp();
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            CountBadRows(reader);
            for (var i = 0; i < read; i++)
            {
                var tick = buffer[i];
                if (tick.Timestamp < resumeFrom)
                {
                    // The symbol already holds this part of the file: a replay picks up where it stopped.
                    continue;
                }

                firstTick ??= tick.Timestamp;
                if (speed > 0 && !await WaitForAsync(TimeSpan.FromSeconds((tick.Timestamp - firstTick.Value) / speed) - time.GetElapsedTime(started), stopping))
                {
                    yield break;
                }

                if (stopping.IsCancellationRequested)
                {
                    yield break;
                }

                counters.SeenTime(tick.Timestamp * 1_000_000);
                counters.Published("replay", 1);
                yield return tick;
            }
        }

        CountBadRows(reader);
    }

    /// <summary>Hands the rows the reader skipped since the last call to the counters, by reason.</summary>
    private void CountBadRows(TickReader reader)
    {
        if (reader.BadRows == _badRows.Values.Sum())
        {
            return;
        }

        foreach (var (reason, rows) in reader.BadRowsByReason)
        {
            for (var n = _badRows.GetValueOrDefault(reason); n < rows; n++)
            {
                counters.Bad(BadInput.FileRowPrefix + reason);
            }

            _badRows[reason] = rows;
        }
    }

    private async Task<bool> WaitForAsync(TimeSpan wait, CancellationToken stopping)
    {
        if (wait <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(wait, time, stopping);
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
    }
}
