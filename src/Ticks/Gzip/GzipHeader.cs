using System.IO.Hashing;

namespace StreamPredictor.Ticks.Gzip;

/// <summary>Reads past the header of a gzip member (RFC 1952, section 2.3), checking what can be checked.</summary>
internal static class GzipHeader
{
    public const byte Magic1 = 0x1f;
    public const byte Magic2 = 0x8b;

    private const byte Deflate = 8;
    private const int HeaderCrc = 0x02;
    private const int Extra = 0x04;
    private const int Name = 0x08;
    private const int Comment = 0x10;
    private const int Reserved = 0xe0;

    /// <summary>Reads a header whose two magic bytes have been read; null when fine, else what is wrong.</summary>
    public static string? ReadAfterMagic(CompressedInput input, int member)
    {
        var crc = new Crc32();
        crc.Append([Magic1, Magic2]);
        Span<byte> fixedPart = stackalloc byte[8];
        if (input.ReadAtMost(fixedPart) < fixedPart.Length)
        {
            return EndsInside(member);
        }

        crc.Append(fixedPart);
        if (fixedPart[0] != Deflate)
        {
            return $"member {member} uses compression method {fixedPart[0]}, not deflate (8)";
        }

        var flags = fixedPart[1];
        if ((flags & Reserved) != 0)
        {
            return $"member {member} has reserved header flags set (0x{flags:x2}); it is not gzip as RFC 1952 defines it";
        }

        if ((flags & Extra) != 0 && !SkipExtra(input, crc)
            || (flags & Name) != 0 && !SkipZeroTerminated(input, crc)
            || (flags & Comment) != 0 && !SkipZeroTerminated(input, crc))
        {
            return EndsInside(member);
        }

        if ((flags & HeaderCrc) != 0)
        {
            Span<byte> stored = stackalloc byte[2];
            if (input.ReadAtMost(stored) < 2)
            {
                return EndsInside(member);
            }

            var expected = (ushort)crc.GetCurrentHashAsUInt32();
            var found = (ushort)(stored[0] | stored[1] << 8);
            if (found != expected)
            {
                return $"the header CRC of member {member} is 0x{found:x4} where its header gives 0x{expected:x4}: the file is damaged";
            }
        }

        return null;
    }

    private static string EndsInside(int member) => $"the file is truncated: it ends inside the header of member {member}";

    private static bool SkipExtra(CompressedInput input, Crc32 crc)
    {
        Span<byte> length = stackalloc byte[2];
        if (input.ReadAtMost(length) < 2)
        {
            return false;
        }

        crc.Append(length);
        var extra = new byte[length[0] | length[1] << 8];
        if (input.ReadAtMost(extra) < extra.Length)
        {
            return false;
        }

        crc.Append(extra);
        return true;
    }

    private static bool SkipZeroTerminated(CompressedInput input, Crc32 crc)
    {
        Span<byte> one = stackalloc byte[1];
        while (input.Read(one) == 1)
        {
            crc.Append(one);
            if (one[0] == 0)
            {
                return true;
            }
        }

        return false;
    }
}
