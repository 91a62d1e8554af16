using Orleans.Storage;

namespace StreamPredictor.Integration.Tests.Support;

/// <summary>A real grain storage whose writes a test can hold or fail through <see cref="StorageFaults"/>.</summary>
public sealed class FlakyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await StorageFaults.BeforeWriteAsync(grainId.Key.ToString()!, stateName);
        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
