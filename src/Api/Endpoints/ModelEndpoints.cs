using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Api.Contracts;
using StreamPredictor.Api.Security;
using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Api.Endpoints;

/// <summary>
/// <c>GET /api/symbols/{symbol}/models</c>: versions with their held-out scores; <c>POST
/// /api/symbols/{symbol}/models/{version}/activate</c> (write): make one active (0: back to naive).
/// </summary>
public static class ModelEndpoints
{
    public static void Map(RouteGroupBuilder symbol)
    {
        symbol.MapGet("/models", ListAsync)
            .RequireAuthorization(StreamScopes.Read)
            .WithName("ListModels")
            .WithSummary("The symbol's trained versions with their held-out scores against naive; which one is active.");
        symbol.MapPost("/models/{version:int}/activate", ActivateAsync)
            .RequireAuthorization(StreamScopes.Write)
            .WithName("ActivateModel")
            .WithSummary("Makes a version the symbol's active model (0: the naive model); the forecast follows at once.");
    }

    private static async Task<Ok<ModelVersion[]>> ListAsync(string symbol, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IModelRegistryGrain>(symbol).ListAsync());

    private static async Task<Results<Ok<ActivationResponse>, ProblemHttpResult>> ActivateAsync(string symbol, int version, IGrainFactory grains)
    {
        var registry = grains.GetGrain<IModelRegistryGrain>(symbol);
        var versions = await registry.ListAsync();
        if (version != 0 && versions.All(v => v.Version != version))
        {
            var known = versions.Length == 0 ? "none" : string.Join(", ", versions.Select(v => v.Version));
            return TypedResults.Problem($"{symbol} has no model version {version} (versions: {known}; 0 is naive)", statusCode: StatusCodes.Status404NotFound);
        }

        var active = await registry.ActivateAsync(version);
        return TypedResults.Ok(new ActivationResponse(symbol, version, active?.Model ?? ModelNames.Naive, active));
    }
}
