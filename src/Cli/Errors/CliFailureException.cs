namespace StreamPredictor.Cli.Errors;

/// <summary>A command that could not do its job for a reason it can name (a training run that failed): one line, exit code 2.</summary>
public sealed class CliFailureException(string message) : Exception(message);
