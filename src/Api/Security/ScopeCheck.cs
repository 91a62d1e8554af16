using System.Security.Claims;

namespace StreamPredictor.Api.Security;

/// <summary>Whether a principal holds a scope: in a <c>scope</c> or <c>scp</c> claim, alone or among others separated by spaces.</summary>
public static class ScopeCheck
{
    public static bool Has(ClaimsPrincipal user, string scope) =>
        user.Claims.Any(c => (c.Type == StreamScopes.ClaimType || c.Type == StreamScopes.AlternateClaimType)
            && c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
