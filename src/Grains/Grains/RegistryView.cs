using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Grains;

/// <summary>
/// The registry as stored: the versions, the active one and the last number handed out. Immutable, so the registry's
/// interleaved reads answer from the last stored view while a write of the next one is under way.
/// </summary>
public sealed record RegistryView(IReadOnlyList<ModelVersion> Versions, int Active, int LastVersion)
{
    public static RegistryView Empty { get; } = new([], 0, 0);

    public static RegistryView From(ModelRegistryState state) => new([.. state.Versions], state.ActiveVersion, state.LastVersion);

    public ModelRegistryState ToState() => new() { Versions = [.. Versions], ActiveVersion = Active, LastVersion = LastVersion };

    public ModelVersion? Find(int version) => Versions.FirstOrDefault(v => v.Version == version);

    public RegistryView Add(ModelVersion version, bool activate) =>
        this with { Versions = [.. Versions, version], Active = activate ? version.Version : Active };

    /// <summary>The version as callers see it: <see cref="ModelVersion.Active"/> says whether it is the active one.</summary>
    public ModelVersion Describe(ModelVersion version) => version with { Active = version.Version == Active };

    public ModelVersion[] DescribeAll() => [.. Versions.Select(Describe)];
}
