using StreamPredictor.Abstractions.Forecasting;
using System.Globalization;
using StreamPredictor.Cli.Tests.Support;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Features;
using StreamPredictor.Grains.Forecasting.Nowcasting;
using StreamPredictor.Grains.Forecasting.Series;
using StreamPredictor.Grains.Tests.Support;
using StreamPredictor.Ticks;

namespace StreamPredictor.Cli.Tests.Forecasting;

/// <summary>
/// One feature builder for both paths: the day features of a file's days as <c>stream daily</c> prints them equal, bit for
/// bit, those of the days an embedded silo's market grain keeps after the same file is ingested; so do the forecasts
/// and nowcasts made from them.
/// </summary>
public sealed class FeatureSourcesTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(SharedData.BitstampHourly)]
    [InlineData(SharedData.CoinbaseMinutes)]
    public async Task Features_from_stream_daily_equal_features_from_the_grains_days(string file)
    {
        var path = SharedData.PathOf(file);
        var daily = await CliRun.RunAsync("daily", path);
        var fromFile = DailySeries.From(Parse(daily.Out));

        await using var connection = await ClusterConnection.OpenAsync(embedded: true, null, _files.PathOf("data"), CancellationToken.None);
        await connection.Client.IngestAsync("FEATURES", ReadTicks(path));
        var fromGrain = DailySeries.From(await connection.Client.GetDaysAsync("FEATURES"));

        Assert.Equal(0, daily.ExitCode);
        Assert.Equal(fromFile.Count, fromGrain.Count);
        Assert.True(fromFile.Count > DayFeatures.LookBack, $"{fromFile.Count} days");
        Assert.Equal(fromFile.Bars, fromGrain.Bars);
        Assert.Equal(DayFeatures.Build(fromFile), DayFeatures.Build(fromGrain));
        Assert.Equal(fromFile.Means, fromGrain.Means);

        using var last = ForecastTrainer.Train(ModelSpec.Default(ModelNames.Last), fromFile.Take(fromFile.Count - 1), new TrainingOptions());
        var closedFromFile = fromFile.Take(fromFile.Count - 1);
        var closedFromGrain = fromGrain.Take(fromGrain.Count - 1);
        Assert.Equal(last.ForecastNext(closedFromFile), last.ForecastNext(closedFromGrain), DayForecastComparer.Instance);
        var open = fromGrain.Bars[^1];
        Assert.Equal(
            Nowcaster.Create(last, closedFromFile).Update(fromFile.Bars[^1], 0.5),
            Nowcaster.Create(last, closedFromGrain).Update(open, 0.5));
    }

    /// <summary>The CSV of <c>stream daily</c>, read back (its doubles are printed in round-trip form).</summary>
    private static DailyBar[] Parse(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line =>
    {
        var f = line.Split(',');
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new DailyBar(DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), D(1), int.Parse(f[2], CultureInfo.InvariantCulture), D(3), D(4), D(5), D(6), D(7));
    }).ToArray();

    private static List<Tick> ReadTicks(string path)
    {
        var ticks = new List<Tick>();
        using var reader = TickReader.Open(path);
        var chunk = new Tick[8192];
        int read;
        while ((read = reader.Read(chunk)) > 0) ticks.AddRange(chunk.AsSpan(0, read));
        return ticks;
    }

    private sealed class DayForecastComparer : IEqualityComparer<DayForecast>
    {
        public static readonly DayForecastComparer Instance = new();

        public bool Equals(DayForecast? x, DayForecast? y) =>
            x is not null && y is not null && x.Date == y.Date && x.Model == y.Model && x.Value.Equals(y.Value) && x.Intervals.SequenceEqual(y.Intervals);

        public int GetHashCode(DayForecast obj) => obj.Date.GetHashCode();
    }
}
