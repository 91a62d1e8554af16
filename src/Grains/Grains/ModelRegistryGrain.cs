using Microsoft.Extensions.Logging;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Storage;

namespace StreamPredictor.Grains;

/// <summary>
/// A symbol's model versions. A new version becomes active only if it beat, on the same held-out days,
/// the version that was active when it was measured; activation can also be asked for explicitly. Old
/// versions stay listed. The forecast grain is told after each change of the active version.
/// </summary>
public sealed partial class ModelRegistryGrain(
    [PersistentState("models", StorageNames.Default)] IPersistentState<ModelRegistryState> state,
    ILogger<ModelRegistryGrain> logger) : Grain, IModelRegistryGrain
{
    public async Task<ModelVersion> RegisterAsync(ModelVersion version, byte[] blob, int comparedWithVersion, double? activateIfBetterThanMae)
    {
        var number = state.State.Models.Count == 0 ? 1 : state.State.Models.Max(m => m.Version.Version) + 1;
        state.State.Models.Add(new StoredModel(version with { Version = number, Active = false }, blob));
        var activate = activateIfBetterThanMae is { } bar && comparedWithVersion == state.State.ActiveVersion && version.Mae < bar;
        if (activate)
        {
            state.State.ActiveVersion = number;
        }

        await state.WriteStateAsync();
        LogRegistered(this.GetPrimaryKeyString(), number, version.Model, activate);
        if (activate)
        {
            await NotifyForecastAsync();
        }

        return Describe(state.State.Models[^1]);
    }

    public Task<ModelVersion[]> ListAsync() => Task.FromResult(state.State.Models.Select(Describe).ToArray());

    public async Task<ModelVersion?> ActivateAsync(int version)
    {
        if (version != 0 && state.State.Models.All(m => m.Version.Version != version))
        {
            throw new ArgumentException($"{this.GetPrimaryKeyString()} has no model version {version}; versions: " +
                string.Join(", ", state.State.Models.Select(m => m.Version.Version)));
        }

        state.State.ActiveVersion = version;
        await state.WriteStateAsync();
        await NotifyForecastAsync();
        return state.State.Models.Where(m => m.Version.Version == version).Select(Describe).FirstOrDefault();
    }

    public Task<ActiveModel?> GetActiveAsync() => Task.FromResult(
        state.State.Models.Where(m => m.Version.Version == state.State.ActiveVersion)
            .Select(m => new ActiveModel(Describe(m), m.Blob)).FirstOrDefault());

    private ModelVersion Describe(StoredModel model) => model.Version with { Active = model.Version.Version == state.State.ActiveVersion };

    private Task NotifyForecastAsync() => GrainFactory.GetGrain<IForecastGrain>(this.GetPrimaryKeyString()).RefreshAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol}: registered {Model} as version {Version}, active {Active}")]
    private partial void LogRegistered(string symbol, int version, string model, bool active);
}
