using System.Globalization;
using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Cli.Commands;

/// <summary>
/// Training progress on standard error: one line rewritten in place on a terminal; when redirected, a line at the first
/// epoch, every tenth and the last, so logs stay short.
/// </summary>
public sealed class TrainingProgressWriter(CliConsole console) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var last = value.Epoch == value.Epochs || value.Remaining == TimeSpan.Zero;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{value.Model}: epoch {value.Epoch}/{value.Epochs} loss {value.Loss:G4}{(value.ValidationLoss is { } v ? string.Create(CultureInfo.InvariantCulture, $" val {v:G4}") : "")} {value.Elapsed.TotalSeconds:F1}s, {value.Remaining.TotalSeconds:F0}s left");
        if (console.Interactive)
        {
            console.Error.Write("\r" + line.PadRight(100));
            if (last) console.Error.WriteLine();
        }
        else if (value.Epoch == 1 || value.Epoch % 10 == 0 || last)
        {
            console.Error.WriteLine(line);
        }
    }
}
