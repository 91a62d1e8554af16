using Orleans.Concurrency;

namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>A symbol's trained model versions (self-describing blobs) and which one is active. Key: the symbol.</summary>
[Alias("stream.model-registry-grain")]
public interface IModelRegistryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Keeps a new version. It becomes active when <paramref name="activateIfBetterThanMae"/> is given, the
    /// version that was active when it was measured (<paramref name="comparedWithVersion"/>, 0 for naive) still
    /// is, and the new version's MAE is lower on the same held-out days.
    /// </summary>
    [Alias("register")]
    Task<ModelVersion> RegisterAsync(ModelVersion version, byte[] blob, int comparedWithVersion, double? activateIfBetterThanMae);

    /// <summary>Every version kept, oldest first; the active one has <see cref="ModelVersion.Active"/> set.</summary>
    [Alias("list"), AlwaysInterleave]
    Task<ModelVersion[]> ListAsync();

    /// <summary>Makes a version active (0: back to naive) and tells the symbol's forecast grain.</summary>
    [Alias("activate")]
    Task<ModelVersion?> ActivateAsync(int version);

    /// <summary>The active version and its blob; null when the naive model is active.</summary>
    /// <remarks>Interleaves: the forecast grain asks for it while being told of an activation.</remarks>
    [Alias("active"), AlwaysInterleave]
    Task<ActiveModel?> GetActiveAsync();
}
