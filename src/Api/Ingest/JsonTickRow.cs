namespace StreamPredictor.Api.Ingest;

/// <summary>One tick of a JSON upload, as the OpenAPI document describes it; <see cref="JsonTickParser"/> reads the body itself, for exact row and field errors.</summary>
/// <param name="Timestamp">Unix seconds (a number) or an ISO-8601 UTC string such as <c>2021-01-01T00:00:00Z</c>.</param>
public sealed record JsonTickRow(object Timestamp, double Open, double High, double Low, double Close, double? Volume);
