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
/// <c>POST /api/symbols/{symbol}/training</c> (write): start training a model (or join the run in progress), 202
/// with the run's status; <c>GET /api/symbols/{symbol}/training/{model}</c>: the run's progress or result.
/// </summary>
public static class TrainingEndpoints
{
    public static void Map(RouteGroupBuilder symbol)
    {
        symbol.MapPost("/training", StartAsync)
            .RequireAuthorization(StreamScopes.Write)
            .WithName("StartTraining")
            .WithSummary("Starts training a model on the symbol's closed days and returns at once; poll the Location for progress.");
        symbol.MapGet("/training/{model}", GetAsync)
            .RequireAuthorization(StreamScopes.Read)
            .WithName("GetTraining")
            .WithSummary("Where a model's training run stands: epoch, loss, time left; once done, the version and whether it became active.");
    }

    private static async Task<Results<Accepted<TrainingRun>, ValidationProblem>> StartAsync(string symbol, TrainingBody body, IGrainFactory grains)
    {
        if (Problems(body) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var request = new TrainingRequest(
            body.Model,
            body.Epochs,
            body.Seed,
            body.HeldOutDays ?? 60,
            body.LearningRate,
            body.ActivateIfBetter ?? true);
        var status = await grains.GetGrain<ITrainerGrain>(ITrainerGrain.Key(symbol, body.Model)).StartAsync(request);
        return TypedResults.Accepted($"/api/symbols/{symbol}/training/{body.Model}", TrainingRun.From(status));
    }

    private static async Task<Results<Ok<TrainingRun>, ProblemHttpResult>> GetAsync(string symbol, string model, IGrainFactory grains) =>
        ModelNames.IsKnown(model)
            ? TypedResults.Ok(TrainingRun.From(await grains.GetGrain<ITrainerGrain>(ITrainerGrain.Key(symbol, model)).GetStatusAsync()))
            : TypedResults.Problem(UnknownModel(model), statusCode: StatusCodes.Status404NotFound);

    private static Dictionary<string, string[]> Problems(TrainingBody body)
    {
        var problems = new Dictionary<string, string[]>();
        if (!ModelNames.IsKnown(body.Model))
        {
            problems["model"] = [UnknownModel(body.Model)];
        }

        if (body.Epochs is < 1)
        {
            problems["epochs"] = ["must be at least 1"];
        }

        if (body.HeldOutDays is < 1)
        {
            problems["heldOutDays"] = ["must be at least 1"];
        }

        if (body.LearningRate is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            problems["learningRate"] = ["must be a positive number"];
        }

        return problems;
    }

    private static string UnknownModel(string? model) => $"unknown model '{model}'; known: {string.Join(", ", ModelNames.All)}";
}
