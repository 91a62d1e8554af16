namespace StreamPredictor.Grains.Market;

/// <summary>
/// A sum of non-negative doubles in 128-bit fixed point with 64 fractional bits. Integer addition is
/// associative, so the total does not depend on the order terms arrive in: ticks ingested shuffled, split
/// across producers or replayed give bit-identical means. Every double of 2^-11 or more is held exactly;
/// smaller ones lose what lies below 2^-64. Totals below 2^63 (about 9.2e18) fit; a sum that would pass that
/// throws <see cref="OverflowException"/> and leaves the total as it was (it never wraps).
/// </summary>
public struct ExactSum
{
    private const double Scale = 18_446_744_073_709_551_616.0; // 2^64

    private Int128 _total;

    public ExactSum(long high, ulong low) => _total = new Int128((ulong)high, low);

    public readonly long High => (long)(ulong)(_total >> 64);

    public readonly ulong Low => (ulong)_total;

    public void Add(double value) => _total = Plus(value)._total;

    /// <summary>This total with <paramref name="value"/> added; this one is left unchanged.</summary>
    public readonly ExactSum Plus(double value)
    {
        var sum = this;
        sum._total = checked(_total + ToFixedPoint(value));
        return sum;
    }

    /// <summary>The total, correctly rounded to a double.</summary>
    public readonly double ToDouble() => (double)_total / Scale;

    /// <summary>value × 2^64, truncated toward zero, from the double's bits (the framework's cast is far slower).</summary>
    private static Int128 ToFixedPoint(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var biasedExponent = (int)(bits >> 52) & 0x7FF;
        var mantissa = bits & ((1UL << 52) - 1);
        if (biasedExponent == 0x7FF)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "not a finite number");
        }

        if (biasedExponent != 0)
        {
            mantissa |= 1UL << 52;
        }

        // value = mantissa × 2^(exponent − 1075); scaled by 2^64 that is mantissa × 2^shift.
        var shift = Math.Max(biasedExponent, 1) - 1075 + 64;
        Int128 magnitude = shift switch
        {
            > 74 => throw new OverflowException($"{value} is too large for an exact sum"),
            >= 0 => (Int128)mantissa << shift,
            > -64 => mantissa >> -shift,
            _ => 0,
        };
        return (long)bits < 0 ? -magnitude : magnitude;
    }
}
