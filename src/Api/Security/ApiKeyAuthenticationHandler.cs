using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StreamPredictor.Api.Security;

/// <summary>Authenticates a request by its <c>X-Api-Key</c> header against the configured key hashes.</summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(values[0]!) is not { } key)
        {
            LogUnknownKey(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, key.Name));
        foreach (var scope in key.Scopes)
        {
            identity.AddClaim(new Claim(StreamScopes.ClaimType, scope));
        }

        if (key.PermitsPerPeriod is { } permits)
        {
            identity.AddClaim(new Claim(PerCallerRateLimit.PermitsClaimType, permits.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", $"ApiKey header=\"{HeaderName}\"");
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an unknown API key from {Remote}")]
    private static partial void LogUnknownKey(ILogger logger, string remote);
}
