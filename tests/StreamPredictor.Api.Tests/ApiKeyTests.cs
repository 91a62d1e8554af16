using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StreamPredictor.Api.Hosting;
using StreamPredictor.Api.Security;

namespace StreamPredictor.Api.Tests;

/// <summary>Keys are stored as SHA-256 hashes anyone can compute with coreutils; a key is matched against all of them.</summary>
public sealed class ApiKeyTests
{
    [Fact]
    public void The_hash_is_sha256_of_the_key_in_lowercase_hex()
    {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeyHash.Of("abc"));
    }

    [Fact]
    public async Task The_new_api_key_command_prints_settings_that_accept_the_key_and_match_sha256sum()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = ApiKeyCommand.TryRun(["new-api-key", "feeder", StreamScopes.Write], output, error);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var key = lines[1].TrimStart('#', ' ');
        var settings = lines.Where(l => !l.StartsWith('#')).Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0].Replace("__", ":", StringComparison.Ordinal), p => (string?)p[1]);
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(StreamHttpOptions.SectionName).Get<StreamHttpOptions>()!;
        var found = new ApiKeyStore(Options.Create(options)).Find(key);

        Assert.Equal(0, exitCode);
        Assert.Equal(43, key.Length);
        Assert.Equal("feeder", found?.Name);
        Assert.Equal([StreamScopes.Write], found!.Scopes);
        Assert.Equal(settings["Stream:Http:ApiKeys:0:Hash"], "sha256:" + await Sha256SumAsync(key));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void The_command_refuses_an_unknown_scope_in_one_line_and_ignores_other_arguments()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var refused = ApiKeyCommand.TryRun(["new-api-key", "feeder", "admin"], output, error);
        var notOurs = ApiKeyCommand.TryRun(["--Stream:Http:Enabled=true"], output, error);

        Assert.Equal(2, refused);
        Assert.Equal("stream: error: scope 'admin' is unknown; use stream:read and/or stream:write\n", error.ToString().ReplaceLineEndings("\n"));
        Assert.Null(notOurs);
    }

    [Fact]
    public void A_key_is_found_only_when_it_matches_exactly()
    {
        var keys = new[] { ApiKeyHash.NewKey(), ApiKeyHash.NewKey() };
        var options = new StreamHttpOptions
        {
            ApiKeys =
            [
                new ApiKeyOptions { Name = "a", Hash = ApiKeyHash.Of(keys[0]), Scopes = [StreamScopes.Read] },
                new ApiKeyOptions { Name = "b", Hash = ApiKeyHash.Of(keys[1]).ToUpperInvariant().Replace("SHA256:", "sha256:", StringComparison.Ordinal), Scopes = [StreamScopes.Read] },
            ],
        };
        var store = new ApiKeyStore(Options.Create(options));

        Assert.Equal("a", store.Find(keys[0])?.Name);
        Assert.Equal("b", store.Find(keys[1])?.Name);
        Assert.Null(store.Find(keys[0].ToUpperInvariant()));
        Assert.Null(store.Find(keys[0] + " "));
        Assert.Null(store.Find(""));
        Assert.NotEqual(keys[0], keys[1]);
    }

    [Fact]
    public void Bad_settings_are_refused_naming_the_setting()
    {
        var options = new StreamHttpOptions
        {
            Addresses = ["127.0.0.1", "example.org"],
            ApiKeys =
            [
                new ApiKeyOptions { Name = "ops", Hash = "sha256:abc", Scopes = [StreamScopes.Read] },
                new ApiKeyOptions { Name = "ops", Hash = ApiKeyHash.Of("k"), Scopes = ["admin"] },
                new ApiKeyOptions { Name = "feeder", Hash = ApiKeyHash.Of("k2"), Scopes = [] },
            ],
            Jwt = new JwtOptions { SigningKey = Convert.ToBase64String(new byte[16]) },
        };

        var failures = new StreamHttpOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(
        [
            "Stream:Http:Addresses: 'example.org' is neither an IP address nor 'localhost'",
            "Stream:Http:ApiKeys:0: Hash: expected 64 hex digits after 'sha256:', found 3 characters",
            "Stream:Http:ApiKeys:1: Name 'ops' is used by an earlier key",
            "Stream:Http:ApiKeys:1: Scopes: 'admin' is unknown; use stream:read and/or stream:write",
            "Stream:Http:ApiKeys:2: Scopes: none given; use stream:read and/or stream:write",
            "Stream:Http:Jwt: Audience is required: tokens are only accepted when issued for this API",
            "Stream:Http:Jwt: SigningKey must be base64 of at least 32 bytes",
        ], failures);
    }

    private static async Task<string> Sha256SumAsync(string key)
    {
        var start = new ProcessStartInfo("bash", ["-c", "printf %s \"$KEY\" | sha256sum"]) { RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["KEY"] = key;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split(' ')[0];
    }
}
