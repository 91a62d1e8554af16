using System.Text;
using System.Text.Json;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Api.Ingest;

/// <summary>
/// A JSON upload: an array of objects with <c>timestamp</c> (unix seconds, or an ISO-8601 string as in files),
/// <c>open</c>, <c>high</c>, <c>low</c>, <c>close</c> and an optional <c>volume</c> (0 when absent). Rows are
/// numbered from 1; the first bad one stops the read.
/// </summary>
public static class JsonTickParser
{
    public const string RowWord = "row";

    private static readonly string[] Fields = ["timestamp", "open", "high", "low", "close", "volume"];

    public static TickUpload Parse(ArraySegment<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var ticks = new List<Tick>();
        long row = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw Bad(0, null, "the body must be a JSON array of tick objects");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                row++;
                var tick = ReadTick(ref reader, row);
                if (TickRowCheck.Check(tick, row) is { } error)
                {
                    throw new TickUploadException(error, RowWord);
                }

                ticks.Add(tick);
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                throw Bad(row, null, "unexpected content after the array");
            }
        }
        catch (JsonException e)
        {
            throw Bad(row, null, $"not valid JSON ({e.Message})", "InvalidJson");
        }

        return new TickUpload([.. ticks], 0);
    }

    private static Tick ReadTick(ref Utf8JsonReader reader, long row)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Bad(row, null, $"expected an object, found {reader.TokenType}");
        }

        Span<double> values = stackalloc double[Fields.Length];
        var seen = 0;
        long timestamp = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var index = Array.IndexOf(Fields, name);
            if (index < 0)
            {
                throw Bad(row, name, $"unknown field; expected {string.Join(", ", Fields)}");
            }

            if ((seen & (1 << index)) != 0)
            {
                throw Bad(row, name, "given twice");
            }

            seen |= 1 << index;
            reader.Read();
            if (index == 0)
            {
                timestamp = ReadTimestamp(ref reader, row);
            }
            else
            {
                values[index] = ReadNumber(ref reader, row, name);
            }
        }

        for (var i = 0; i < Fields.Length - 1; i++)
        {
            if ((seen & (1 << i)) == 0)
            {
                throw Bad(row, Fields[i], "missing");
            }
        }

        return new Tick(timestamp, values[1], values[2], values[3], values[4], values[5]);
    }

    private static long ReadTimestamp(ref Utf8JsonReader reader, long row)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out var seconds) ? seconds : throw Bad(row, "timestamp", "expected whole unix seconds", nameof(BadRowReason.UnparsableTimestamp));
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw Bad(row, "timestamp", $"expected unix seconds or an ISO-8601 string, found {reader.TokenType}", nameof(BadRowReason.UnparsableTimestamp));
        }

        var text = Encoding.UTF8.GetBytes(reader.GetString()!);
        return TimestampParser.TryParse(text, out var parsed, out var reason, out var detail)
            ? parsed
            : throw Bad(row, "timestamp", detail, reason.ToString());
    }

    private static double ReadNumber(ref Utf8JsonReader reader, long row, string field) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value)
            ? value
            : throw Bad(row, field, reader.TokenType == JsonTokenType.Number ? "is not a finite number" : $"expected a number, found {reader.TokenType}", nameof(BadRowReason.UnparsableNumber));

    private static TickUploadException Bad(long row, string? field, string detail, string reason = "BadShape") =>
        new(new TickRowError(row, field, reason, detail), RowWord);
}
