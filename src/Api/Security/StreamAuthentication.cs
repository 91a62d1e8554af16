using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace StreamPredictor.Api.Security;

/// <summary>
/// API keys (<c>X-Api-Key</c>) and, when configured, JWT bearer tokens; a policy per scope. Every endpoint needs an
/// authenticated caller unless it says otherwise (the fallback policy): only health and the OpenAPI document do.
/// </summary>
public static class StreamAuthentication
{
    /// <summary>The default scheme: sends each request to the API key or the bearer handler by what it carries.</summary>
    public const string Scheme = "Stream";

    public static IServiceCollection AddStreamAuthentication(this IServiceCollection services, JwtOptions jwt)
    {
        services.AddSingleton<ApiKeyStore>();
        var authentication = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or bearer token", options => options.ForwardDefaultSelector = context =>
                jwt.Enabled && !context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (jwt.Enabled)
        {
            authentication.AddJwtBearer(options => ConfigureJwt(options, jwt));
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(StreamScopes.Read, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => ScopeCheck.Has(c.User, StreamScopes.Read)))
            .AddPolicy(StreamScopes.Write, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => ScopeCheck.Has(c.User, StreamScopes.Write)));
        return services;
    }

    private static void ConfigureJwt(JwtBearerOptions options, JwtOptions jwt)
    {
        options.MapInboundClaims = false;
        if (!string.IsNullOrEmpty(jwt.Authority))
        {
            options.Authority = jwt.Authority;
        }

        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateIssuer = !string.IsNullOrEmpty(jwt.Issuer) || !string.IsNullOrEmpty(jwt.Authority),
            ValidIssuer = string.IsNullOrEmpty(jwt.Issuer) ? null : jwt.Issuer,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
            NameClaimType = "sub",
        };
        if (!string.IsNullOrEmpty(jwt.SigningKey))
        {
            options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(jwt.SigningKey));
            options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
    }
}
