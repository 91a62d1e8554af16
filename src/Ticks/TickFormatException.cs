namespace StreamPredictor.Ticks;

/// <summary>A tick file that cannot be read as it is: names the file, the line (1-based) and the field.</summary>
public sealed class TickFormatException : Exception
{
    /// <summary>Creates the exception; its message is <c>FILE:LINE: field 'FIELD': DETAIL</c>.</summary>
    /// <param name="file">The file.</param>
    /// <param name="line">The line, from 1 (the header).</param>
    /// <param name="field">The field's column name, or null when the whole row or the header is at fault.</param>
    /// <param name="reason">The reason, for a data row.</param>
    /// <param name="detail">What is wrong.</param>
    public TickFormatException(string file, long line, string? field, BadRowReason? reason, string detail)
        : base(Describe(file, line, field, detail))
    {
        File = file;
        Line = line;
        Field = field;
        Reason = reason;
        Detail = detail;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The line, from 1 (the header).</summary>
    public long Line { get; }

    /// <summary>The field's column name, or null when the whole row or the header is at fault.</summary>
    public string? Field { get; }

    /// <summary>The reason when the error is about one data row (and so could be skipped); null for a bad header.</summary>
    public BadRowReason? Reason { get; }

    /// <summary>What is wrong, without file, line and field.</summary>
    public string Detail { get; }

    private static string Describe(string file, long line, string? field, string detail) =>
        field is null ? $"{file}:{line}: {detail}" : $"{file}:{line}: field '{field}': {detail}";
}
