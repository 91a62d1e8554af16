using System.Collections.Concurrent;

namespace StreamPredictor.Integration.Tests.Support;

/// <summary>Grain calls a test wants to fail, by grain key and method name; read by <see cref="CallFaultFilter"/> in every silo.</summary>
public static class CallFaults
{
    private static readonly ConcurrentDictionary<(string Key, string Method), bool> Failing = new();

    public static void Fail(string key, string method) => Failing[(key, method)] = true;

    public static void Clear(string key, string method) => Failing.TryRemove((key, method), out _);

    internal static bool ShouldFail(string key, string method) => Failing.ContainsKey((key, method));
}
