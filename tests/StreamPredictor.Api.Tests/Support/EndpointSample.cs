namespace StreamPredictor.Api.Tests.Support;

/// <summary>
/// A request that exercises one endpoint of the app: its method and route pattern (as the endpoint data source lists
/// them), a concrete path, the scope it needs (null: anonymous) and a body when it takes one.
/// </summary>
public sealed record EndpointSample(string Method, string Pattern, string Path, string? Scope, Func<HttpContent>? Body = null)
{
    public string Key => $"{Method} {Pattern}";

    /// <summary>
    /// A 404 is the endpoint's answer, not a failure, for the sample symbol: its nowcast, until the forecast grain
    /// serves nowcasts (then the sample symbol's open day has one and the endpoint answers 200).
    /// </summary>
    public bool NotFoundIsAnAnswer { get; init; }

    public HttpRequestMessage Request() => new(new HttpMethod(Method == "*" ? "GET" : Method), Path) { Content = Body?.Invoke() };

    public override string ToString() => $"{Method} {Path}";
}
