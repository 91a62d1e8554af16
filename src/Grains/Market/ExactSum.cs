namespace Stream.Grains.Market;

/// <summary>
/// A sum of non-negative doubles in 128-bit fixed point with 64 fractional bits. Integer addition is
/// associative, so the total does not depend on the order terms arrive in: ticks ingested shuffled, split
/// across producers or replayed give bit-identical means. Every double of 2^-11 or more is held exactly;
/// smaller ones lose what lies below 2^-64. Totals up to 2^63 (about 9.2e18) fit.
/// </summary>
public struct ExactSum
{
    private const double Scale = 18_446_744_073_709_551_616.0; // 2^64

    private Int128 _total;

    public ExactSum(long high, ulong low) => _total = new Int128((ulong)high, low);

    public readonly long High => (long)(ulong)(_total >> 64);

    public readonly ulong Low => (ulong)_total;

    public void Add(double value) => _total += (Int128)(value * Scale);

    /// <summary>The total, correctly rounded to a double.</summary>
    public readonly double ToDouble() => (double)_total / Scale;
}
