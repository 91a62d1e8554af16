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
/// <c>GET /api/symbols/{symbol}/forecast</c>: the latest next-day forecast; <c>GET /api/symbols/{symbol}/events</c>:
/// server-sent events, <c>forecast</c> with the current forecast first and then each new one. The open day's
/// nowcast belongs here too once the forecast grain offers it: a <c>/nowcast</c> read and a <c>nowcast</c> event.
/// </summary>
public static class ForecastEndpoints
{
    public static void Map(RouteGroupBuilder symbol)
    {
        symbol.MapGet("/forecast", GetAsync)
            .RequireAuthorization(StreamScopes.Read)
            .WithName("GetForecast")
            .WithSummary("The latest next-day forecast: value, 80 %/95 % intervals, the day it is for, the model version.");
        symbol.MapGet("/events", FollowAsync)
            .RequireAuthorization(StreamScopes.Read)
            .WithName("FollowForecasts")
            .WithSummary("Server-sent events: 'forecast' with the current forecast, then each new one as the symbol's forecast grain publishes it.")
            .Produces<Forecast>(StatusCodes.Status200OK, ServerSentForecasts.ContentType);
    }

    private static async Task<Results<Ok<Forecast>, ProblemHttpResult>> GetAsync(string symbol, IGrainFactory grains) =>
        await grains.GetGrain<IForecastGrain>(symbol).GetLatestAsync() is { } forecast
            ? TypedResults.Ok(forecast)
            : TypedResults.Problem($"{symbol} has no forecast yet: no day of it has closed", statusCode: StatusCodes.Status404NotFound);

    private static async Task<ServerSentForecasts> FollowAsync(
        string symbol, IGrainFactory grains, ForecastFeed feed, IHostApplicationLifetime lifetime)
    {
        var listener = await feed.ListenAsync(symbol);
        return new ServerSentForecasts(listener, grains.GetGrain<IForecastGrain>(symbol), lifetime.ApplicationStopping);
    }
}
