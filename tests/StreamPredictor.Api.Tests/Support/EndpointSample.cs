namespace StreamPredictor.Api.Tests.Support;

/// <summary>
/// A request that exercises one endpoint of the app: its method and route pattern (as the endpoint data source lists
/// them), a concrete path, the scope it needs (null: anonymous) and a body when it takes one.
/// </summary>
public sealed record EndpointSample(string Method, string Pattern, string Path, string? Scope, Func<HttpContent>? Body = null)
{
    public string Key => $"{Method} {Pattern}";

    public HttpRequestMessage Request() => new(new HttpMethod(Method == "*" ? "GET" : Method), Path) { Content = Body?.Invoke() };

    public override string ToString() => $"{Method} {Path}";
}
