namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// Sliding windows as the tutorial builds them: <c>x[i] = v[i-window .. i)</c>, <c>y[i] = v[i]</c> for every i from
/// <c>window</c> on. Flat float arrays, row-major, ready to become a (count, window, 1) tensor.
/// </summary>
public sealed class WindowSet
{
    private WindowSet(float[] inputs, float[] targets, int window)
    {
        Inputs = inputs;
        Targets = targets;
        Window = window;
    }

    public float[] Inputs { get; }

    public float[] Targets { get; }

    public int Window { get; }

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

        return new WindowSet(inputs, targets, window);
    }

    public ReadOnlySpan<float> Input(int index) => Inputs.AsSpan(index * Window, Window);
}
