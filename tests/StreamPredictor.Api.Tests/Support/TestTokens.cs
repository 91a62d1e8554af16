using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>JWTs signed with the test silo's shared key (or another one), as an identity provider would issue them.</summary>
public static class TestTokens
{
    public const string Issuer = "https://issuer.test";
    public const string Audience = "stream-api";

    public static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Stream:Http:Jwt:Issuer", Issuer),
        new("Stream:Http:Jwt:Audience", Audience),
        new("Stream:Http:Jwt:SigningKey", Convert.ToBase64String(SigningKey)),
    ];

    public static string Create(
        string scope, string subject = "service-a", string audience = Audience, TimeSpan? lifetime = null, byte[]? key = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("scope", scope)]),
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
