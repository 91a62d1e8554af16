namespace StreamPredictor.Api.Ingest;

/// <summary>
/// Why an upload was refused: the row (the CSV line, header being line 1, or the JSON array's 1-based position),
/// the field when one is to blame, a reason name shared with the file reader and the grains, and a sentence.
/// </summary>
public sealed record TickRowError(long Row, string? Field, string Reason, string Detail)
{
    public string Describe(string rowWord) => Field is null
        ? $"{rowWord} {Row}: {Detail}"
        : $"{rowWord} {Row}, field '{Field}': {Detail}";
}
