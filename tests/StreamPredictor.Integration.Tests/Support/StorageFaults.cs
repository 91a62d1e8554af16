using System.Collections.Concurrent;

namespace StreamPredictor.Integration.Tests.Support;

/// <summary>
/// Writes a test wants to fail or hold, chosen by the grain's key and the state's name. Shared by every silo of the
/// process (tests of one collection run one at a time; each test uses its own symbols).
/// </summary>
public static class StorageFaults
{
    private static readonly ConcurrentDictionary<(string Key, string State), HeldWrite> Held = new();
    private static readonly ConcurrentDictionary<(string Key, string State), int> Failing = new();

    /// <summary>The next write of <paramref name="state"/> by the grain keyed <paramref name="key"/> waits until released.</summary>
    public static HeldWrite HoldNextWrite(string key, string state)
    {
        var held = new HeldWrite();
        Held[(key, state)] = held;
        return held;
    }

    /// <summary>The next <paramref name="count"/> writes of <paramref name="state"/> by the grain keyed <paramref name="key"/> fail.</summary>
    public static void FailWrites(string key, string state, int count = 1) => Failing[(key, state)] = count;

    public static void Clear(string key, string state)
    {
        Held.TryRemove((key, state), out _);
        Failing.TryRemove((key, state), out _);
    }

    /// <summary>Called by <see cref="FlakyGrainStorage"/> before each write.</summary>
    internal static async Task BeforeWriteAsync(string key, string state)
    {
        if (Held.TryRemove((key, state), out var held))
        {
            await held.WaitAsync();
        }

        if (Failing.TryGetValue((key, state), out var count) && count > 0)
        {
            Failing[(key, state)] = count - 1;
            throw new IOException($"injected storage failure writing '{state}' of {key}");
        }
    }

    public sealed class HeldWrite
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<bool> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the write has started and is waiting.</summary>
        public Task Reached => _reached.Task;

        public void Complete() => _outcome.TrySetResult(true);

        public void Fail() => _outcome.TrySetResult(false);

        internal async Task WaitAsync()
        {
            _reached.TrySetResult();
            if (!await _outcome.Task)
            {
                throw new IOException("injected storage failure of a held write");
            }
        }
    }
}
