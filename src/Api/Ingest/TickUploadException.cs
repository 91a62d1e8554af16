namespace StreamPredictor.Api.Ingest;

/// <summary>An upload that cannot be applied as sent: one row is bad, and none of the upload is applied.</summary>
public sealed class TickUploadException(TickRowError error, string rowWord) : Exception(error.Describe(rowWord))
{
    public TickRowError Error { get; } = error;

    /// <summary>What a row is called in this format: <c>line</c> (CSV) or <c>row</c> (JSON).</summary>
    public string RowWord { get; } = rowWord;
}
