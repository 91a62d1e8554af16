namespace StreamPredictor.Sources.Tests.Support;

/// <summary>An HTTP handler that notes the clock's time whenever the client sends a request.</summary>
public sealed class SendTimes(TimeProvider clock) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<DateTimeOffset> _times = [];

    public IReadOnlyList<DateTimeOffset> Times
    {
        get
        {
            lock (_times)
            {
                return [.. _times];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_times)
        {
            _times.Add(clock.GetUtcNow());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
