using System.Numerics;

namespace StreamPredictor.Grains.Market;

/// <summary>
/// The seconds of one UTC day already counted. Starts as a bitmap of the 1,440 minutes (180 bytes) and
/// widens to one of the 86,400 seconds (10.8 KB) the first time a stamp off the minute arrives.
/// </summary>
public sealed class SeenSeconds
{
    private const int MinutesPerDay = 1_440;
    private const int SecondsPerMinute = 60;

    private ulong[] _bits;
    private bool _bySecond;

    public SeenSeconds()
        : this(new ulong[(MinutesPerDay / 64) + 1], bySecond: false, count: 0)
    {
    }

    private SeenSeconds(ulong[] bits, bool bySecond, int count)
    {
        _bits = bits;
        _bySecond = bySecond;
        Count = count;
    }

    public int Count { get; private set; }

    public bool BySecond => _bySecond;

    /// <summary>A copy of the bitmap, for saving.</summary>
    public ulong[] CopyBits() => (ulong[])_bits.Clone();

    public static SeenSeconds Restore(ulong[] bits, bool bySecond, int count) => new((ulong[])bits.Clone(), bySecond, count);

    /// <summary>Marks a second of the day as seen; false when it had been seen before.</summary>
    public bool Add(int secondOfDay)
    {
        if (!_bySecond)
        {
            if (secondOfDay % SecondsPerMinute == 0)
            {
                return Set(secondOfDay / SecondsPerMinute);
            }

            WidenToSeconds();
        }

        return Set(secondOfDay);
    }

    private bool Set(int index)
    {
        ref var word = ref _bits[index >> 6];
        var mask = 1UL << (index & 63);
        if ((word & mask) != 0)
        {
            return false;
        }

        word |= mask;
        Count++;
        return true;
    }

    private void WidenToSeconds()
    {
        var minutes = _bits;
        _bits = new ulong[Abstractions.Market.Tick.SecondsPerDay / 64 + 1];
        for (var word = 0; word < minutes.Length; word++)
        {
            for (var rest = minutes[word]; rest != 0; rest &= rest - 1)
            {
                var minute = (word * 64) + BitOperations.TrailingZeroCount(rest);
                var second = minute * SecondsPerMinute;
                _bits[second >> 6] |= 1UL << (second & 63);
            }
        }

        _bySecond = true;
    }
}
