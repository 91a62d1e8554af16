using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Api.Security;
using StreamPredictor.Grains.Market;

namespace StreamPredictor.Api.Endpoints;

/// <summary>
/// <c>GET /api/symbols/{symbol}/days</c>: the symbol's days, oldest first, the open day last unless
/// <c>closedOnly</c>; as JSON, or as <c>stream daily</c>'s CSV (byte for byte) with <c>format=csv</c> or
/// <c>Accept: text/csv</c>.
/// </summary>
public static class DayEndpoints
{
    public const string CsvContentType = "text/csv";

    public static void Map(RouteGroupBuilder symbol) =>
        symbol.MapGet("/days", GetAsync)
            .RequireAuthorization(StreamScopes.Read)
            .WithName("GetDays")
            .WithSummary("Daily figures (mean close, ticks, OHLC, volume) from 'from' to 'to' inclusive, as JSON or CSV.")
            .Produces<DailyBar[]>(StatusCodes.Status200OK, "application/json", CsvContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<IResult> GetAsync(
        string symbol, DateOnly? from, DateOnly? to, bool? closedOnly, string? format, HttpRequest request, IGrainFactory grains)
    {
        var csv = format?.ToLowerInvariant() switch
        {
            null or "" => request.Headers.Accept.ToString().Contains(CsvContentType, StringComparison.OrdinalIgnoreCase),
            "csv" => true,
            "json" => false,
            _ => (bool?)null,
        };
        if (csv is null)
        {
            return TypedResults.Problem($"format '{format}' is unknown; use csv or json", statusCode: StatusCodes.Status400BadRequest);
        }

        var days = await grains.GetGrain<IMarketGrain>(symbol).GetDaysAsync(from, to, includeOpenDay: closedOnly != true);
        if (csv == false)
        {
            return TypedResults.Ok(days);
        }

        using var text = new StringWriter();
        DailyCsv.Write(text, days);
        return TypedResults.Text(text.ToString(), CsvContentType);
    }
}
