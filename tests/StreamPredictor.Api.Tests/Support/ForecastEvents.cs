using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>
/// A client of the events endpoint: the SSE stream parsed as it arrives, each item stamped with when it came.
/// <see cref="NextAsync"/> reads forecasts (skipping nowcasts), <see cref="NextNowcastAsync"/> nowcasts (skipping forecasts).
/// </summary>
public sealed class ForecastEvents : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _items;

    private ForecastEvents(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _items = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
    }

    public static async Task<ForecastEvents> OpenAsync(HttpClient client, string symbol)
    {
        var response = await client.GetAsync($"/api/symbols/{symbol}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new ForecastEvents(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next forecast event and the <see cref="Stopwatch"/> timestamp of its arrival; fails after <paramref name="deadline"/>.</summary>
    public async Task<(Forecast Forecast, long ArrivedAt)> NextAsync(TimeSpan deadline)
    {
        var (data, arrived) = await NextOfTypeAsync("forecast", deadline);
        return (JsonSerializer.Deserialize<Forecast>(data, HttpJson.Options)!, arrived);
    }

    /// <summary>The next nowcast event and the <see cref="Stopwatch"/> timestamp of its arrival; fails after <paramref name="deadline"/>.</summary>
    public async Task<(Nowcast Nowcast, long ArrivedAt)> NextNowcastAsync(TimeSpan deadline)
    {
        var (data, arrived) = await NextOfTypeAsync("nowcast", deadline);
        return (JsonSerializer.Deserialize<Nowcast>(data, HttpJson.Options)!, arrived);
    }

    private async Task<(string Data, long ArrivedAt)> NextOfTypeAsync(string type, TimeSpan deadline)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            var left = deadline - limit.Elapsed;
            var next = _items.MoveNextAsync().AsTask();
            if (left <= TimeSpan.Zero || await Task.WhenAny(next, Task.Delay(left)) != next || !await next)
            {
                throw new TimeoutException($"no {type} event within {deadline.TotalSeconds:0} s");
            }

            var arrived = Stopwatch.GetTimestamp();
            Assert.Contains(_items.Current.EventType, new[] { "forecast", "nowcast" });
            if (_items.Current.EventType == type)
            {
                return (_items.Current.Data, arrived);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        try
        {
            await _items.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The response was closed under the parser.
        }
    }
}
