namespace StreamPredictor.Sources;

/// <summary>A source cannot go on (a wrong pair, an unreadable file): one line that says why.</summary>
public sealed class SourceException(string message) : Exception(message);
