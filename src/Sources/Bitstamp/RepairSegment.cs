namespace StreamPredictor.Sources.Bitstamp;

/// <summary>Minutes in [<see cref="From"/>, <see cref="To"/>) (unix seconds) that the socket did not cover: fetched from REST.</summary>
internal sealed record RepairSegment(long From, long To) : Segment;
