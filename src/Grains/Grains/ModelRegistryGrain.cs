using Microsoft.Extensions.Logging;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Storage;

namespace StreamPredictor.Grains;

/// <summary>
/// A symbol's model versions. A new version becomes active only if it beat, on the same held-out days, the version that
/// was active when it was measured; activation can also be asked for explicitly. Old versions stay listed.
/// <para>
/// What is stored is the truth. Every change is written before anyone can see it: reads (which interleave) answer from
/// <see cref="RegistryView"/> of the last successful write, and a failed write puts the stored view back. A registration
/// first stores the next version number, then the blob in its own record, then the version: a number once handed out
/// is never given to another model, even when a later write fails. The forecast grain is told after a change of the
/// active version; if it cannot be told, the change still stands and the forecast grain catches up on its own.
/// </para>
/// </summary>
public sealed partial class ModelRegistryGrain(
    [PersistentState("models", StorageNames.Default)] IPersistentState<ModelRegistryState> state,
    ILogger<ModelRegistryGrain> logger) : Grain, IModelRegistryGrain
{
    private RegistryView _stored = RegistryView.Empty;

    private string Symbol => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stored = RegistryView.From(state.State);
        if (state.State.Models.Count > 0)
        {
            await MoveInlineBlobsOutAsync();
        }
    }

    public async Task<ModelVersion> RegisterAsync(ModelVersion version, byte[] blob, int comparedWithVersion, double? activateIfBetterThanMae)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Length == 0)
        {
            throw new ArgumentException("a model blob must not be empty", nameof(blob));
        }

        var number = _stored.LastVersion + 1;
        await CommitAsync(_stored with { LastVersion = number });
        try
        {
            await GrainFactory.GetGrain<IModelBlobGrain>(IModelBlobGrain.Key(Symbol, number)).StoreAsync(blob);
        }
        catch (Exception e)
        {
            LogBlobFailed(e, Symbol, number);
            throw;
        }

        var activate = activateIfBetterThanMae is { } bar && comparedWithVersion == _stored.Active && version.Mae < bar;
        var stored = version with { Version = number, Active = false };
        try
        {
            await CommitAsync(_stored.Add(stored, activate));
        }
        catch
        {
            await ForgetBlobAsync(number);
            throw;
        }

        LogRegistered(Symbol, number, version.Model, activate);
        if (activate)
        {
            await NotifyForecastAsync(number);
        }

        return _stored.Describe(stored);
    }

    public Task<ModelVersion[]> ListAsync() => Task.FromResult(_stored.DescribeAll());

    public async Task<ModelVersion?> ActivateAsync(int version)
    {
        if (version != 0 && _stored.Find(version) is null)
        {
            throw new ArgumentException($"{Symbol} has no model version {version}; versions: " +
                (_stored.Versions.Count == 0 ? "none (0 is the naive model)" : string.Join(", ", _stored.Versions.Select(v => v.Version))));
        }

        if (_stored.Active != version)
        {
            await CommitAsync(_stored with { Active = version });
            LogActivated(Symbol, version);
        }

        await NotifyForecastAsync(version);
        return _stored.Find(version) is { } found ? _stored.Describe(found) : null;
    }

    public async Task<ActiveModel?> GetActiveAsync()
    {
        var view = _stored;
        if (view.Find(view.Active) is not { } active)
        {
            return null;
        }

        var blob = await GrainFactory.GetGrain<IModelBlobGrain>(IModelBlobGrain.Key(Symbol, active.Version)).GetAsync()
            ?? throw new InvalidOperationException($"{Symbol}: the blob of model version {active.Version} is missing from storage");
        return new ActiveModel(view.Describe(active), blob);
    }

    public Task<int> GetActiveVersionAsync() => Task.FromResult(_stored.Active);

    /// <summary>Writes <paramref name="next"/>; only once it is stored do reads see it. On failure, memory is what storage holds.</summary>
    private async Task CommitAsync(RegistryView next)
    {
        var previous = state.State;
        state.State = next.ToState();
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            state.State = previous;
            LogWriteFailed(e, Symbol);
            await RereadAsync();
            throw;
        }

        _stored = next;
    }

    /// <summary>After a failed write storage may hold the old record or, if the failure came late, the new one: read which.</summary>
    private async Task RereadAsync()
    {
        try
        {
            await state.ReadStateAsync();
            _stored = RegistryView.From(state.State);
        }
        catch (Exception e)
        {
            LogRereadFailed(e, Symbol);
            DeactivateOnIdle();
        }
    }

    private async Task ForgetBlobAsync(int version)
    {
        if (_stored.Find(version) is not null)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IModelBlobGrain>(IModelBlobGrain.Key(Symbol, version)).ClearAsync();
        }
        catch (Exception e)
        {
            LogBlobFailed(e, Symbol, version);
        }
    }

    private async Task NotifyForecastAsync(int version)
    {
        try
        {
            await GrainFactory.GetGrain<IForecastGrain>(Symbol).RefreshAsync();
        }
        catch (Exception e)
        {
            LogNotifyFailed(e, Symbol, version);
        }
    }

    /// <summary>Moves blobs stored inline by older registries into records of their own, then stores the small record.</summary>
    private async Task MoveInlineBlobsOutAsync()
    {
        foreach (var model in state.State.Models)
        {
            await GrainFactory.GetGrain<IModelBlobGrain>(IModelBlobGrain.Key(Symbol, model.Version.Version)).StoreAsync(model.Blob);
        }

        var versions = state.State.Versions.Concat(state.State.Models.Select(m => m.Version with { Active = false })).OrderBy(v => v.Version).ToArray();
        var last = Math.Max(state.State.LastVersion, versions.Max(v => v.Version));
        await CommitAsync(new RegistryView(versions, state.State.ActiveVersion, last));
        LogMovedBlobs(Symbol, versions.Length);
    }
}
