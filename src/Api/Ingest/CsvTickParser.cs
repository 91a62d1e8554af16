using StreamPredictor.Abstractions.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Api.Ingest;

/// <summary>
/// A CSV upload in either tick-file layout (the header says which), read by the same <see cref="TickReader"/> as
/// files: the first bad row stops the read and is reported by its line number (the header is line 1).
/// </summary>
public static class CsvTickParser
{
    public const string RowWord = "line";

    public static TickUpload Parse(ArraySegment<byte> body)
    {
        try
        {
            using var reader = new TickReader(new MemoryStream(body.Array!, body.Offset, body.Count, writable: false), "request body");
            var ticks = new List<Tick>();
            var one = new Tick[1];
            while (reader.Read(one) == 1)
            {
                if (TickRowCheck.Check(one[0], reader.LineNumber) is { } error)
                {
                    throw new TickUploadException(error, RowWord);
                }

                ticks.Add(one[0]);
            }

            return new TickUpload([.. ticks], reader.MissingCloseRows);
        }
        catch (TickFormatException e)
        {
            var reason = e.Reason?.ToString() ?? "BadHeader";
            throw new TickUploadException(new TickRowError(e.Line, e.Field, reason, e.Detail), RowWord);
        }
    }
}
