namespace StreamPredictor.Api.Tests;

/// <summary>JWT bearer tokens: scopes from 'scope' or 'scp'; expired, foreign-audience and unsigned tokens refused.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class TokenTests(ApiSilo silo)
{
    [Fact]
    public async Task A_token_is_accepted_only_when_signed_for_this_audience_and_unexpired()
    {
        using var good = silo.BearerClient(TestTokens.Create("stream:read"));
        using var expired = silo.BearerClient(TestTokens.Create("stream:read", lifetime: TimeSpan.FromMinutes(-5)));
        using var otherAudience = silo.BearerClient(TestTokens.Create("stream:read", audience: "another-api"));
        using var notAToken = silo.BearerClient("not.a.token");

        Assert.Equal(HttpStatusCode.OK, (await good.GetAsync("/api/symbols")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync("/api/symbols")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherAudience.GetAsync("/api/symbols")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await notAToken.GetAsync("/api/symbols")).StatusCode);
    }

    [Fact]
    public async Task Scopes_are_read_from_a_space_separated_scope_claim_and_not_from_lookalikes()
    {
        using var both = silo.BearerClient(TestTokens.Create("openid stream:write stream:read"));
        using var lookalike = silo.BearerClient(TestTokens.Create("stream:read-all stream"));

        Assert.Equal(HttpStatusCode.OK, (await both.GetAsync("/api/symbols")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lookalike.GetAsync("/api/symbols")).StatusCode);
    }
}
