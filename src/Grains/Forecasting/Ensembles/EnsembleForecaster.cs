using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Forecasting.Ensembles;

/// <summary>
/// The median, day by day, of its members' forecasts (<c>last</c>, the LSTM and the GRU on day features): a network's
/// correction to <c>last</c> survives only where another member agrees with its direction, and then only as far as the
/// smaller of them goes.
/// </summary>
public sealed class EnsembleForecaster : IForecaster
{
    private readonly bool _ownsMembers;

    internal EnsembleForecaster(ModelSpec spec, IReadOnlyList<IForecaster> members, bool ownsMembers, TrainingSummary training, ConformalCalibration calibration)
    {
        Spec = spec;
        Members = members;
        _ownsMembers = ownsMembers;
        Training = training;
        Calibration = calibration;
    }

    public ModelSpec Spec { get; }

    public IReadOnlyList<IForecaster> Members { get; }

    public MinMaxScaler? Scaler => null;

    public TrainingSummary Training { get; }

    public ConformalCalibration Calibration { get; }

    internal EnsembleForecaster With(TrainingSummary training, ConformalCalibration calibration) => new(Spec, Members, _ownsMembers, training, calibration);

    public double[] Predict(DailySeries days, int from, int count)
    {
        this.CheckRange(days, from, count);
        var forecasts = Members.Select(m => m.Predict(days, from, count)).ToArray();
        var result = new double[count];
        Span<double> values = stackalloc double[forecasts.Length];
        for (var i = 0; i < count; i++)
        {
            for (var m = 0; m < forecasts.Length; m++) values[m] = forecasts[m][i];
            result[i] = Median(values);
        }

        return result;
    }

    internal static double Median(Span<double> values)
    {
        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    public void Dispose()
    {
        if (!_ownsMembers) return;
        foreach (var member in Members) member.Dispose();
    }
}
