using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Storage;

namespace StreamPredictor.Grains;

/// <summary>
/// One model version's blob in its own record, written once. It deactivates after each call: blobs are read rarely (a
/// forecast grain loading a version, a trainer scoring the active one) and may be megabytes.
/// </summary>
public sealed class ModelBlobGrain(
    [PersistentState("blob", StorageNames.Default)] IPersistentState<ModelBlobState> state) : Grain, IModelBlobGrain
{
    public async Task StoreAsync(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        DeactivateOnIdle();
        if (state.State.Blob is { } stored)
        {
            if (!stored.AsSpan().SequenceEqual(blob))
            {
                throw new InvalidOperationException($"model version {this.GetPrimaryKeyString()} already holds another blob; a version's blob never changes");
            }

            return;
        }

        state.State.Blob = blob;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored, or not known to be: the next activation reads what storage holds.
            state.State.Blob = null;
            throw;
        }
    }

    public Task<byte[]?> GetAsync()
    {
        DeactivateOnIdle();
        return Task.FromResult(state.State.Blob);
    }

    public async Task ClearAsync()
    {
        DeactivateOnIdle();
        await state.ClearStateAsync();
    }
}
