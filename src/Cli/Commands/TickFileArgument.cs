using System.CommandLine;

namespace StreamPredictor.Cli.Commands;

/// <summary>The FILE argument of the commands that read a tick file, and the check that it exists.</summary>
public static class TickFileArgument
{
    public static Argument<FileInfo> Create() => new("FILE")
    {
        Description = "Tick file: Kaggle Bitstamp or generic OHLCV CSV, plain or .gz.",
    };

    /// <summary>The file, or a one-line usage error when it is not there.</summary>
    public static FileInfo RequireExisting(FileInfo file) =>
        file.Exists ? file
        : Directory.Exists(file.FullName) ? throw new CliUsageException($"{file.FullName}: is a folder, not a tick file")
        : throw new CliUsageException($"{file.FullName}: no such file");
}
