namespace StreamPredictor.Sources.Bitstamp;

/// <summary>A stretch of one symbol's minutes, in the order they must be published.</summary>
internal abstract record Segment;
