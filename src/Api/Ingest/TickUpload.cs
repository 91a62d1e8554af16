using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Api.Ingest;

/// <summary>The ticks of an upload, every one valid by <see cref="StreamPredictor.Ticks.TickRules"/>, and the CSV rows skipped as minutes without trades.</summary>
public sealed record TickUpload(Tick[] Ticks, long SkippedNoTrade);
