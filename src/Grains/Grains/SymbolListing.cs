using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains;

/// <summary>
/// A market grain's entry in the symbol directory: added on the first stored batch of each activation, then
/// never asked for again by that activation. A failed call is retried on the next batch.
/// </summary>
public sealed class SymbolListing
{
    private bool _listed;

    public async Task EnsureListedAsync(IGrainFactory grains, string symbol)
    {
        if (_listed)
        {
            return;
        }

        await ISymbolDirectoryGrain.Get(grains).AddAsync(symbol);
        _listed = true;
    }
}
