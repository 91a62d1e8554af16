namespace StreamPredictor.Api.Contracts;

/// <summary>An applied upload: how many ticks and batches went to the market grain, CSV rows skipped as minutes without trades, and the symbol's stats afterwards.</summary>
public sealed record IngestResponse(string Symbol, int Ticks, int Batches, long SkippedNoTrade, SymbolStats Stats);
