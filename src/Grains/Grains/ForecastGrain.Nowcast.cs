using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Nowcasting;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains;

/// <summary>The open day's nowcast in <see cref="ForecastGrain"/>: the market grain's word per batch, catching up on activation, publishing.</summary>
public sealed partial class ForecastGrain
{
    /// <summary>
    /// Updates the nowcast with the open day's bar; first checks the model and recomputes when the market grain has closed
    /// a day this grain has not read yet (the day event may still be on its way). Publishes when the interval allows, else leaves it to the timer.
    /// </summary>
    public async Task OnOpenDayAsync(DailyBar openDay, DateTimeOffset asOf, DateOnly? lastClosed)
    {
        if (!options.Value.Nowcasting)
        {
            return;
        }

        if (lastClosed is { } closed && closed != _daysReadTo)
        {
            // As for the day event (which then finds the day read and is skipped): the model first, then the days.
            await SyncModelAsync(ModelCheck.DayEvent);
            await RecomputeAsync();
        }

        var publishNow = _open.Update(openDay, asOf);
        metrics.NowcastUpdated();
        if (publishNow)
        {
            await PublishNowcastAsync(_open.TakePending());
        }
        else if (_open.Pending)
        {
            ScheduleNowcast();
        }
    }

    /// <summary>
    /// On activation, the open day as the market grain holds it now, so the nowcast is current before the next batch
    /// (nowcasts live in memory only). A failure leaves the first-of-day nowcast until the next batch.
    /// </summary>
    private async Task CatchUpOpenDayAsync()
    {
        if (!options.Value.Nowcasting || _open.Basis is not { } basis)
        {
            return;
        }

        try
        {
            var market = GrainFactory.GetGrain<IMarketGrain>(Symbol);
            var stats = await market.GetStatsAsync();
            if (stats is { OpenDay: { } day, NewestTick: { } newest } && day > basis
                && await market.GetDaysAsync(day, day, includeOpenDay: true) is [{ } open] && open.Date == day
                && _open.Update(open, newest))
            {
                await PublishNowcastAsync(_open.TakePending());
            }
        }
        catch (Exception e)
        {
            LogOpenDayUnread(e, Symbol);
        }
    }

    /// <summary>Serves the nowcaster of the closed days; publishes the closed day's final nowcast and the new day's first.</summary>
    private async Task RebaseNowcastAsync(Nowcaster? nowcaster, DailyBar lastClosed, Forecast forecast)
    {
        if (nowcaster is null)
        {
            return;
        }

        foreach (var nowcast in _open.Rebase(nowcaster, lastClosed, forecast.Model, forecast.ModelVersion))
        {
            await PublishNowcastAsync(nowcast);
        }

        if (_open.Pending)
        {
            ScheduleNowcast();
        }
    }

    /// <summary>A one-shot timer that publishes the pending nowcast once the interval allows.</summary>
    private void ScheduleNowcast()
    {
        if (_nowcastTimer is not null)
        {
            return;
        }

        var due = _open.DueIn;
        _nowcastTimer = this.RegisterGrainTimer(static (grain, _) => grain.OnNowcastTimerAsync(), this,
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan) { KeepAlive = false });
    }

    private async Task OnNowcastTimerAsync()
    {
        _nowcastTimer?.Dispose();
        _nowcastTimer = null;
        if (!_open.Pending)
        {
            return;
        }

        if (_open.DueIn > TimeSpan.Zero)
        {
            ScheduleNowcast();
            return;
        }

        await PublishNowcastAsync(_open.TakePending());
    }

    private async Task PublishNowcastAsync(Nowcast nowcast)
    {
        try
        {
            await _nowcasts.OnNextAsync(nowcast);
            metrics.NowcastPublished();
        }
        catch (Exception e)
        {
            // The next update (or the day's close) publishes a newer one; a nowcast is not worth a retry of its own.
            LogNowcastPublishFailed(e, Symbol);
        }
    }

    private Nowcaster? CreateNowcaster(IForecaster model, DailyBar[] days)
    {
        try
        {
            return Nowcaster.Create(model, DailySeries.From(days));
        }
        catch (Exception e)
        {
            LogNowcasterFailed(e, Symbol, days[^1].Date);
            return null;
        }
    }
}
