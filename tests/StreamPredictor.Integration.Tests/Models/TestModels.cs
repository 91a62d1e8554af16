using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Integration.Tests.Models;

/// <summary>Real model blobs made here (a small network trained on the daily file), and versions describing them.</summary>
public static class TestModels
{
    private static readonly Lazy<byte[]> LazyMlp = new(() => Train(ModelNames.MlpSeed, epochs: 2));

    /// <summary>The daily file's last days: one tick a day, so a day's mean is that tick's close.</summary>
    public static Tick[] DailyTicks(int days) => [.. TickFiles.Ticks(SharedData.Daily).TakeLast(days)];

    /// <summary>An mlp-seed blob trained for two epochs on the daily file's last 200 days (made once).</summary>
    public static byte[] Mlp => LazyMlp.Value;

    public static byte[] Train(string model, int epochs)
    {
        var prices = DailyTicks(200).Select(t => t.Close).ToArray();
        using var forecaster = ForecastTrainer.Train(ModelSpec.Default(model), prices, new TrainingOptions { Epochs = epochs, ValidationFraction = 0.2 });
        return ModelBlob.ToBytes(forecaster);
    }

    /// <summary>A copy of <paramref name="blob"/> claiming a blob format this build does not read (a newer silo's).</summary>
    public static byte[] NewerFormat(byte[] blob)
    {
        var copy = (byte[])blob.Clone();
        BitConverter.TryWriteBytes(copy.AsSpan(8, 4), ModelBlob.FormatVersion + 1);
        return copy;
    }

    /// <summary>A copy of <paramref name="blob"/> cut inside the network's weights: the header reads, torch fails.</summary>
    public static byte[] Truncated(byte[] blob) => blob[..(blob.Length - 200)];

    /// <summary>A copy of an mlp-seed blob whose header names the rnn-seed network: torch finds weights of another shape.</summary>
    public static byte[] OtherNetwork(byte[] blob)
    {
        var copy = (byte[])blob.Clone();
        var at = copy.AsSpan().IndexOf("\"kind\":\"mlp-seed\""u8);
        Assert.True(at > 0, "an mlp-seed blob names its kind in its header");
        "rnn-seed"u8.CopyTo(copy.AsSpan(at + 8));
        return copy;
    }

    public static ModelVersion Version(string model, double mae, DateOnly heldOutFrom = default, DateOnly heldOutTo = default) =>
        new(0, model, DateTimeOffset.UtcNow, "test", false, 2, 0.1, heldOutFrom, heldOutTo, mae, mae * 1.2, 1.5, mae / 100, 100);
}
