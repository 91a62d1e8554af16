using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StreamPredictor.Abstractions.Sources;
using StreamPredictor.Api.Contracts;
using StreamPredictor.Api.Security;

namespace StreamPredictor.Api.Endpoints;

/// <summary><c>GET /api/symbols/{symbol}/sources</c>: the live sources feeding the symbol as they last reported (none: an empty list).</summary>
public static class SourceEndpoints
{
    public static void Map(RouteGroupBuilder symbol) =>
        symbol.MapGet("/sources", ListAsync)
            .RequireAuthorization(StreamScopes.Read)
            .WithName("ListSources")
            .WithSummary("The live sources feeding the symbol: connected or not, newest tick, reconnects, gaps repaired, bad input, and the age of their last report.");

    private static async Task<Ok<LiveSource[]>> ListAsync(string symbol, IGrainFactory grains, TimeProvider time)
    {
        var reports = await grains.GetGrain<ISourceStatusGrain>(symbol).ListAsync();
        var now = time.GetUtcNow();
        return TypedResults.Ok(reports.Select(r => LiveSource.From(r, now)).ToArray());
    }
}
