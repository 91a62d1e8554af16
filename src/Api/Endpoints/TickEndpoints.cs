using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using StreamPredictor.Api.Contracts;
using StreamPredictor.Api.Ingest;
using StreamPredictor.Api.Security;

namespace StreamPredictor.Api.Endpoints;

/// <summary>
/// <c>POST /api/symbols/{symbol}/ticks</c> (write): a batch of ticks as JSON (<c>application/json</c>) or CSV
/// (<c>text/csv</c>, either tick-file layout). Every row is checked first by the SDK's rules; a bad one gets 400
/// naming the row and the field, and nothing is applied. Otherwise the ticks are applied and stored before the
/// response; sending the same upload again changes nothing (ticks are deduplicated by timestamp).
/// </summary>
public static class TickEndpoints
{
    public static void Map(RouteGroupBuilder symbol, long maxBodyBytes, int batchSize) =>
        symbol.MapPost("/ticks", (string symbol, HttpRequest request, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken) =>
                IngestAsync(symbol, request, grains, time, maxBodyBytes, batchSize, cancellationToken))
            .RequireAuthorization(StreamScopes.Write)
            .WithMetadata(new RequestSizeLimitAttribute(maxBodyBytes))
            .WithName("IngestTicks")
            .WithSummary("Applies a batch of ticks (JSON array or CSV) and returns the symbol's stats; all or nothing on bad rows.")
            .Accepts<JsonTickRow[]>("application/json", DayEndpoints.CsvContentType)
            .Produces<IngestResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<IResult> IngestAsync(
        string symbol, HttpRequest request, IGrainFactory grains, TimeProvider time, long maxBodyBytes, int batchSize, CancellationToken cancellationToken)
    {
        Func<ArraySegment<byte>, TickUpload>? parse = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            "application/json" => JsonTickParser.Parse,
            DayEndpoints.CsvContentType => CsvTickParser.Parse,
            _ => null,
        };
        if (parse is null)
        {
            return TypedResults.Problem(
                $"Content-Type '{request.ContentType}' is not accepted; send application/json or {DayEndpoints.CsvContentType}",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        TickUpload upload;
        try
        {
            upload = parse(await BodyBuffer.ReadAsync(request, maxBodyBytes, cancellationToken));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (TickUploadException e)
        {
            return TypedResults.Problem(
                $"request body {e.Message}; nothing of this upload was applied",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad tick row",
                extensions: new Dictionary<string, object?>
                {
                    [e.RowWord] = e.Error.Row,
                    ["field"] = e.Error.Field,
                    ["reason"] = e.Error.Reason,
                });
        }

        var (batches, stats) = await TickIngest.ApplyAsync(grains, symbol, upload.Ticks, batchSize);
        return TypedResults.Ok(new IngestResponse(symbol, upload.Ticks.Length, batches, upload.SkippedNoTrade, SymbolStats.From(symbol, stats, time.GetUtcNow())));
    }
}
