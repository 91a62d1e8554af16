using Microsoft.AspNetCore.Http;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Api.Endpoints;

/// <summary>Refuses a <c>{symbol}</c> route value that breaks the one symbol rule (<see cref="SymbolName"/>) with 400, before any grain is touched.</summary>
public sealed class SymbolRouteFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var symbol = context.HttpContext.GetRouteValue("symbol") as string;
        return SymbolName.Problem(symbol) is { } problem
            ? TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Bad symbol")
            : await next(context);
    }
}
