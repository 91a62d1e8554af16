namespace StreamPredictor.Cli;

/// <summary>A mistake of the caller's (a missing file, a bad option value): printed as one line, exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
