namespace StreamPredictor.Sources.LocalExchange;

/// <summary>One OHLC request as the local exchange saw it: when (on its clock), the query, and the status it answered.</summary>
public sealed record RestRequest(DateTimeOffset At, string Pair, long Start, int Limit, bool ExcludeCurrent, bool HadEnd, int Status, TimeSpan? RetryAfter = null);
