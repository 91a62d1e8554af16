using Microsoft.AspNetCore.Http;

namespace StreamPredictor.Api.Ingest;

/// <summary>Reads a request body into memory; the server's body-size limit (per endpoint) bounds it.</summary>
public static class BodyBuffer
{
    public static async Task<ArraySegment<byte>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream(request.ContentLength is { } length and > 0 and < int.MaxValue ? (int)length : 64 * 1024);
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
