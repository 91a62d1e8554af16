using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Api.Security;

namespace StreamPredictor.Api.Endpoints;

/// <summary><c>GET /api/symbols</c>: the symbols the cluster holds (those whose market grain has stored a batch).</summary>
public static class SymbolEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/symbols", ListAsync)
            .RequireAuthorization(StreamScopes.Read)
            .WithName("ListSymbols")
            .WithSummary("The symbols the cluster holds, in ordinal order.");

    private static async Task<Ok<string[]>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await ISymbolDirectoryGrain.Get(grains).ListAsync());
}
