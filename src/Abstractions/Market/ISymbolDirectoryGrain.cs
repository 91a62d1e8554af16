using Orleans.Concurrency;

namespace StreamPredictor.Abstractions.Market;

/// <summary>
/// The symbols the cluster holds: every symbol whose market grain has stored a batch. One grain for the whole
/// cluster (<see cref="Get"/>); a market grain adds its symbol once per activation, so the list is what a symbol
/// picker or an operator reads without scanning storage.
/// </summary>
[Alias("stream.symbol-directory-grain")]
public interface ISymbolDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Lists <paramref name="symbol"/>; nothing is written when it is listed already.</summary>
    [Alias("add")]
    Task AddAsync(string symbol);

    /// <summary>Every symbol listed, in ordinal order.</summary>
    [Alias("list"), ReadOnly]
    Task<string[]> ListAsync();

    /// <summary>The cluster's one directory.</summary>
    public static ISymbolDirectoryGrain Get(IGrainFactory grains) => grains.GetGrain<ISymbolDirectoryGrain>(0);
}
