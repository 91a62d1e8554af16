namespace StreamPredictor.Ticks;

/// <summary>A tick file that cannot be read as it is: names the file, the line (1-based) and the field.</summary>
public sealed class TickFormatException : Exception
{
    public TickFormatException(string file, long line, string? field, BadRowReason? reason, string detail)
        : base(Describe(file, line, field, detail))
    {
        File = file;
        Line = line;
        Field = field;
        Reason = reason;
        Detail = detail;
    }

    public string File { get; }

    public long Line { get; }

    public string? Field { get; }

    /// <summary>The reason when the error is about one data row (and so could be skipped); null for a bad header.</summary>
    public BadRowReason? Reason { get; }

    public string Detail { get; }

    private static string Describe(string file, long line, string? field, string detail) =>
        field is null ? $"{file}:{line}: {detail}" : $"{file}:{line}: field '{field}': {detail}";
}
