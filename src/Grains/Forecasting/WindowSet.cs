namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// Sliding windows, flat and row-major, ready to become a (count, window, features) tensor. On one series they are the
/// tutorial's: <c>x[i] = v[i-window .. i)</c>, <c>y[i] = v[i]</c> for every i from <c>window</c> on.
/// </summary>
public sealed class WindowSet
{
    private WindowSet(float[] inputs, float[] targets, int window, int features)
    {
        Inputs = inputs;
        Targets = targets;
        Window = window;
        Features = features;
    }

    public float[] Inputs { get; }

    public float[] Targets { get; }

    public int Window { get; }

    /// <summary>Values per step of a window: 1 for a single series.</summary>
    public int Features { get; }

    public int Count => Targets.Length;

    public static WindowSet Build(ReadOnlySpan<double> values, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var count = Math.Max(0, values.Length - window);
        var inputs = new float[count * window];
        var targets = new float[count];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < window; j++)
            {
                inputs[i * window + j] = (float)values[i + j];
            }

            targets[i] = (float)values[i + window];
        }

        return new WindowSet(inputs, targets, window, 1);
    }

    /// <summary>Windows already cut: <paramref name="inputs"/> holds <c>targets.Length × window × features</c> values.</summary>
    public static WindowSet FromArrays(float[] inputs, float[] targets, int window, int features)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (inputs.Length != targets.Length * window * features) throw new ArgumentException("inputs must hold window × features values per target");
        return new WindowSet(inputs, targets, window, features);
    }

    public ReadOnlySpan<float> Input(int index) => Inputs.AsSpan(index * Window * Features, Window * Features);
}
