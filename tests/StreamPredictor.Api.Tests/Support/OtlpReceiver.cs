using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>A stand-in OpenTelemetry collector on loopback: accepts OTLP/HTTP protobuf metric exports and keeps their bodies.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<byte[]> Exports { get; } = new();

    public Uri Endpoint => ApiSilo.AddressOf(_app);

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver.Exports.Enqueue(body.ToArray());
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Whether an export so far holds <paramref name="text"/> (metric and attribute names travel as plain UTF-8 in protobuf).</summary>
    public bool Received(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return Exports.Any(e => e.AsSpan().IndexOf(bytes) >= 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
