using System.Collections.Concurrent;
using Orleans.Storage;

namespace StreamPredictor.Integration.Tests.Support;

/// <summary>
/// A real grain storage that fails chosen writes on demand, before or after the real write (a timeout after the commit),
/// and records the size of every write it lets through (when given the serializer). Writes chosen by grain key and
/// state name through <see cref="StorageFaults"/> are held or failed too.
/// </summary>
public sealed class FlakyGrainStorage(IGrainStorage inner, IGrainStorageSerializer? serializer = null) : IGrainStorage
{
    private readonly Lock _lock = new();
    private Func<string, string, bool>? _fails;
    private int _failuresLeft;
    private bool _afterWrite;
    private Func<string, string, bool>? _failsReads;
    private int _readFailuresLeft;

    /// <summary>Every write let through: grain, state name, serialized bytes.</summary>
    public ConcurrentQueue<(string Grain, string State, int Bytes)> Writes { get; } = new();

    public int Failures { get; private set; }

    /// <summary>Fails the next <paramref name="count"/> writes whose grain id and state name match.</summary>
    public void FailWrites(Func<string, string, bool> match, int count = 1, bool afterWrite = false)
    {
        lock (_lock)
        {
            _fails = match;
            _failuresLeft = count;
            _afterWrite = afterWrite;
        }
    }

    /// <summary>Fails the next <paramref name="count"/> reads whose grain id and state name match.</summary>
    public void FailReads(Func<string, string, bool> match, int count = 1)
    {
        lock (_lock)
        {
            _failsReads = match;
            _readFailuresLeft = count;
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_lock)
        {
            if (_readFailuresLeft > 0 && _failsReads!(grainId.ToString(), stateName))
            {
                _readFailuresLeft--;
                throw new IOException($"injected failure reading '{stateName}' of {grainId}");
            }
        }

        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await StorageFaults.BeforeWriteAsync(grainId.Key.ToString()!, stateName);
        var (fail, afterWrite) = ShouldFail(grainId.ToString(), stateName);
        if (fail && !afterWrite)
        {
            throw new IOException($"injected failure writing '{stateName}' of {grainId}");
        }

        await inner.WriteStateAsync(stateName, grainId, grainState);
        Writes.Enqueue((grainId.ToString(), stateName, serializer?.Serialize(grainState.State).ToMemory().Length ?? -1));
        if (fail)
        {
            throw new TimeoutException($"injected timeout after writing '{stateName}' of {grainId}");
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    private (bool Fail, bool AfterWrite) ShouldFail(string grain, string state)
    {
        lock (_lock)
        {
            if (_failuresLeft > 0 && _fails!(grain, state))
            {
                _failuresLeft--;
                Failures++;
                return (true, _afterWrite);
            }

            return (false, false);
        }
    }
}
