using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace StreamPredictor.Grains.Tests.Market;

/// <summary>Gzip files built byte by byte (RFC 1952), whole, cut or damaged, to feed the reader.</summary>
internal static class GzipFixtures
{
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;

    /// <summary>One gzip member as the framework's GZipStream writes it (10-byte header, no optional fields).</summary>
    public static byte[] Member(string text) => Member(Encoding.UTF8.GetBytes(text));

    public static byte[] Member(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>The same member with every optional header field set: extra field, name, comment and header CRC.</summary>
    public static byte[] MemberWithAllHeaderFields(string text)
    {
        var plain = Member(text);
        var header = new List<byte>(plain[..10]);
        header[3] = FlagExtra | FlagName | FlagComment | FlagHeaderCrc;
        header.AddRange([4, 0, (byte)'S', (byte)'P', 0, 0]);
        header.AddRange(Encoding.Latin1.GetBytes("ticks.csv\0"));
        header.AddRange(Encoding.Latin1.GetBytes("made for a test\0"));
        var crc = Crc32.HashToUInt32(header.ToArray());
        header.AddRange([(byte)crc, (byte)(crc >> 8)]);
        return [.. header, .. plain[10..]];
    }

    /// <summary>A copy with one byte changed (bits flipped by <paramref name="mask"/>); a negative index counts from the end.</summary>
    public static byte[] Flip(byte[] bytes, int index, byte mask = 0x01)
    {
        var copy = (byte[])bytes.Clone();
        copy[index < 0 ? copy.Length + index : index] ^= mask;
        return copy;
    }
}
