using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace StreamPredictor.Api.Security;

/// <summary>
/// One token bucket per caller: per API key (by its name), per token subject, and per remote address for requests
/// without credentials. A caller over its limit gets 429 with <c>Retry-After</c>; other callers are unaffected.
/// </summary>
public static class PerCallerRateLimit
{
    public const string PolicyName = "per-caller";

    /// <summary>A key's own permits per period, when its configuration sets them.</summary>
    public const string PermitsClaimType = "stream:permits";

    public static IServiceCollection AddPerCallerRateLimit(this IServiceCollection services, RateLimitOptions limits) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.AddPolicy(PolicyName, context =>
            {
                var (partition, permits) = Caller(context, limits.PermitsPerPeriod);
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = permits,
                    TokensPerPeriod = permits,
                    ReplenishmentPeriod = limits.Period,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });

    private static (string Partition, int Permits) Caller(HttpContext context, int defaultPermits)
    {
        var user = context.User;
        if (user.Identity is { IsAuthenticated: true, Name: { } name })
        {
            var permits = user.FindFirstValue(PermitsClaimType) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : defaultPermits;
            return ($"{user.Identity.AuthenticationType}:{name}", permits);
        }

        return ($"address:{context.Connection.RemoteIpAddress}", defaultPermits);
    }
}
