using Microsoft.AspNetCore.Http;

namespace StreamPredictor.Api.Ingest;

/// <summary>Reads a request body into memory, never more than <c>maxBytes</c> (the endpoint's limit, which the server also enforces while reading).</summary>
public static class BodyBuffer
{
    public static async Task<ArraySegment<byte>> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new BadHttpRequestException(
                $"the body is {request.ContentLength} bytes; at most {maxBytes} are accepted", StatusCodes.Status413PayloadTooLarge);
        }

        // Sized by what the client announced, within the limit: a false Content-Length cannot make it allocate more.
        var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 64 * 1024, Math.Min(maxBytes, int.MaxValue)));
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
