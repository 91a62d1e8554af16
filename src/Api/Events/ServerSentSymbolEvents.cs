using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Api.Events;

/// <summary>
/// A symbol's forecasts and nowcasts as server-sent events, named <c>forecast</c> and <c>nowcast</c>, each item as
/// JSON. Unlike the framework's result it sends the headers at once, so a listener of a symbol without a forecast yet
/// knows it is connected; a listener going away (or the host stopping) ends the response quietly, and the listener
/// leaves the feed whatever happens.
/// </summary>
public sealed class ServerSentSymbolEvents(SymbolEventListener listener, IForecastGrain grain, CancellationToken stopping) : IResult
{
    public const string ContentType = "text/event-stream";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using var leave = listener;
        var response = httpContext.Response;
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers.Pragma = "no-cache";
        httpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        try
        {
            await response.Body.FlushAsync(cancellation.Token);
            await SseFormatter.WriteAsync(
                Events(cancellation.Token),
                response.Body,
                (item, buffer) =>
                {
                    using var writer = new Utf8JsonWriter(buffer);
                    JsonSerializer.Serialize(writer, item.Data, item.Data.GetType(), json);
                },
                cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The listener left or the host is stopping.
        }
    }

    private async IAsyncEnumerable<SseItem<object>> Events([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in listener.ReadAllAsync(grain, cancellationToken))
        {
            yield return new SseItem<object>(item.Data, item.Type);
        }
    }
}
