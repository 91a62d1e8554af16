namespace StreamPredictor.Api.Security;

/// <summary>
/// <c>new-api-key NAME [SCOPE…]</c> on the silo's command line: prints a fresh key once (to hand to the caller) and
/// the settings that let the silo accept it (only its hash), as environment variables.
/// </summary>
public static class ApiKeyCommand
{
    public const string Verb = "new-api-key";

    /// <summary>Runs the command when <paramref name="args"/> name it; returns its exit code, or null when they do not.</summary>
    public static int? TryRun(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [Verb, ..])
        {
            return null;
        }

        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            error.WriteLine($"stream: error: usage: {Verb} NAME [{string.Join(' ', StreamScopes.All)}] (both scopes when none are named)");
            return 2;
        }

        var scopes = args.Length > 2 ? args[2..] : [.. StreamScopes.All];
        if (scopes.FirstOrDefault(s => !StreamScopes.All.Contains(s)) is { } unknown)
        {
            error.WriteLine($"stream: error: scope '{unknown}' is unknown; use {string.Join(" and/or ", StreamScopes.All)}");
            return 2;
        }

        var key = ApiKeyHash.NewKey();
        output.WriteLine($"# The key for '{args[1]}' (shown once; the silo keeps only its hash):");
        output.WriteLine($"# {key}");
        output.WriteLine("# Settings for the silo (as key 0; number it after the keys it already has):");
        output.WriteLine($"Stream__Http__ApiKeys__0__Name={args[1]}");
        output.WriteLine($"Stream__Http__ApiKeys__0__Hash={ApiKeyHash.Of(key)}");
        for (var i = 0; i < scopes.Length; i++)
        {
            output.WriteLine($"Stream__Http__ApiKeys__0__Scopes__{i}={scopes[i]}");
        }

        return 0;
    }
}
