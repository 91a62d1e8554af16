using Orleans.Storage;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Storage;

namespace StreamPredictor.Grains;

/// <summary>
/// The cluster's list of symbols. A symbol is added by its market grain after it has stored a batch; adding a
/// listed symbol costs no write, so the many calls of market grains activating are answered from memory.
/// </summary>
public sealed class SymbolDirectoryGrain(
    [PersistentState("symbols", StorageNames.Default)] IPersistentState<SymbolDirectoryState> state) : Grain, ISymbolDirectoryGrain
{
    public async Task AddAsync(string symbol)
    {
        SymbolName.Validate(symbol);
        var symbols = state.State.Symbols;
        var index = symbols.BinarySearch(symbol, StringComparer.Ordinal);
        if (index >= 0)
        {
            return;
        }

        symbols.Insert(~index, symbol);
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            // Another activation wrote the list (a membership change): take the stored one; the caller retries.
            await state.ReadStateAsync();
            throw;
        }
        catch
        {
            // Not stored, so not listed: the caller retries on its next batch.
            symbols.Remove(symbol);
            throw;
        }
    }

    public Task<string[]> ListAsync() => Task.FromResult(state.State.Symbols.ToArray());
}
