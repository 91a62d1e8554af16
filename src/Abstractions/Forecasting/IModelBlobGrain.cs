namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>
/// One model version's blob in a record of its own, so registering a version writes that blob once and the registry's
/// record stays small. Written once: a version's blob never changes. Key: <c>SYMBOL/VERSION</c> (see <see cref="Key"/>).
/// The registry writes it; the registry and the forecast grain read it.
/// </summary>
[Alias("stream.model-blob-grain")]
public interface IModelBlobGrain : IGrainWithStringKey
{
    /// <summary>Stores the blob; storing the same bytes again does nothing, other bytes are refused.</summary>
    [Alias("store")]
    Task StoreAsync(byte[] blob);

    /// <summary>The blob, or null when none is stored.</summary>
    [Alias("get")]
    Task<byte[]?> GetAsync();

    /// <summary>Removes the blob (a registration that failed after storing it).</summary>
    [Alias("clear")]
    Task ClearAsync();

    /// <summary>The blob grain's key for <paramref name="version"/> of <paramref name="symbol"/>.</summary>
    public static string Key(string symbol, int version) => $"{symbol}/{version}";
}
