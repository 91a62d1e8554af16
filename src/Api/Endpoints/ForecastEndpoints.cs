using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Api.Events;
using StreamPredictor.Api.Security;

namespace StreamPredictor.Api.Endpoints;

/// <summary>
/// <c>GET /api/symbols/{symbol}/forecast</c>: the latest next-day forecast; <c>GET /api/symbols/{symbol}/nowcast</c>:
/// the open day's nowcast; <c>GET /api/symbols/{symbol}/events</c>: server-sent events, <c>forecast</c> and
/// <c>nowcast</c>, the current ones first and then each new one.
/// </summary>
public static class ForecastEndpoints
{
    public static void Map(RouteGroupBuilder symbol)
    {
        symbol.MapGet("/forecast", GetAsync)
            .RequireAuthorization(StreamScopes.Read)
            .WithName("GetForecast")
            .WithSummary("The latest next-day forecast: value, 80 %/95 % intervals, the day it is for, the model version.");
        symbol.MapGet("/nowcast", GetNowcastAsync)
            .RequireAuthorization(StreamScopes.Read)
            .WithName("GetNowcast")
            .WithSummary("The open day's nowcast: its mean close from the ticks so far, 80 %/95 % intervals, the share of the day elapsed.");
        symbol.MapGet("/events", FollowAsync)
            .RequireAuthorization(StreamScopes.Read)
            .WithName("FollowForecasts")
            .WithSummary("Server-sent events: 'forecast' and 'nowcast' with the current ones, then each new one as the symbol's forecast grain publishes it.")
            .Produces<Forecast>(StatusCodes.Status200OK, ServerSentSymbolEvents.ContentType)
            .Produces<Nowcast>(StatusCodes.Status200OK, ServerSentSymbolEvents.ContentType);
    }

    private static async Task<Results<Ok<Forecast>, ProblemHttpResult>> GetAsync(string symbol, IGrainFactory grains) =>
        await grains.GetGrain<IForecastGrain>(symbol).GetLatestAsync() is { } forecast
            ? TypedResults.Ok(forecast)
            : TypedResults.Problem($"{symbol} has no forecast yet: no day of it has closed", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Nowcast>, ProblemHttpResult>> GetNowcastAsync(string symbol, IGrainFactory grains) =>
        await grains.GetGrain<IForecastGrain>(symbol).GetNowcastAsync() is { } nowcast
            ? TypedResults.Ok(nowcast)
            : TypedResults.Problem($"{symbol} has no nowcast: no day of it is open, or its forecast grain has not made one", statusCode: StatusCodes.Status404NotFound);

    private static async Task<ServerSentSymbolEvents> FollowAsync(
        string symbol, IGrainFactory grains, SymbolEventFeed feed, IHostApplicationLifetime lifetime)
    {
        var listener = await feed.ListenAsync(symbol);
        return new ServerSentSymbolEvents(listener, grains.GetGrain<IForecastGrain>(symbol), lifetime.ApplicationStopping);
    }
}
