using System.Threading.Channels;

namespace StreamPredictor.Sources.Bitstamp;

/// <summary>The complete minute bars one socket session built, as it builds them; completed when the session ends.</summary>
internal sealed record LiveSegment(ChannelReader<Tick> Bars) : Segment;
