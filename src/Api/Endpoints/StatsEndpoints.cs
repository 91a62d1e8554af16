using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Api.Contracts;
using StreamPredictor.Api.Security;

namespace StreamPredictor.Api.Endpoints;

/// <summary><c>GET /api/symbols/{symbol}/stats</c>: ticks accepted, duplicates, late, rejected by reason, the newest tick and its lag.</summary>
public static class StatsEndpoints
{
    public static void Map(RouteGroupBuilder symbol) =>
        symbol.MapGet("/stats", GetAsync)
            .RequireAuthorization(StreamScopes.Read)
            .WithName("GetStats")
            .WithSummary("What the symbol's market grain did with the ticks it was sent, and how far its newest tick lags the wall clock.");

    private static async Task<Ok<SymbolStats>> GetAsync(string symbol, IGrainFactory grains, TimeProvider time) =>
        TypedResults.Ok(SymbolStats.From(symbol, await grains.GetGrain<IMarketGrain>(symbol).GetStatsAsync(), time.GetUtcNow()));
}
