using System.IO.Compression;
using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Tests.Support;
using StreamPredictor.Ticks;
using static StreamPredictor.Grains.Tests.Market.GzipFixtures;
using static StreamPredictor.Grains.Tests.Market.TickFileFixtures;

namespace StreamPredictor.Grains.Tests.Market;

public sealed class GzipInputTests : IDisposable
{
    private static readonly string Ticks = Generic(Row(Day1Minute0, 10), Row(Day1Minute0 + 60, 20), Row(Day2Minute0, 30), Row(Day2Minute0 + 60, 40));

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string, int> RealFileCuts => new()
    {
        { "half of the compressed data", -1 },
        { "the whole trailer", 8 },
        { "the size half of the trailer", 4 },
        { "the last byte of the trailer", 1 },
    };

    [Theory]
    [MemberData(nameof(RealFileCuts))]
    public void The_real_file_cut_short_is_an_error_naming_the_file(string what, int bytesCut)
    {
        var whole = File.ReadAllBytes(SharedData.PathOf(SharedData.BinanceMinutes));
        var cut = bytesCut < 0 ? whole[..(whole.Length / 2)] : whole[..^bytesCut];
        var path = WriteBytes("cut.csv.gz", cut);

        var error = Assert.Throws<GzipFormatException>(() => DailyImport.Run(path));

        Assert.Equal(path, error.File);
        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length > 0, what);
    }

    [Fact]
    public void The_real_file_reads_whole_with_its_trailer_checked()
    {
        var result = DailyImport.Run(SharedData.PathOf(SharedData.BinanceMinutes));

        Assert.Equal(399_791, result.TickRows);
    }

    [Fact]
    public void A_wrong_crc_in_the_trailer_is_an_error_naming_the_file_and_the_check()
    {
        var path = WriteBytes("crc.csv.gz", Flip(Member(Ticks), -8));

        var error = Assert.Throws<GzipFormatException>(() => DailyImport.Run(path));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("CRC-32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_size_in_the_trailer_is_an_error_naming_the_file_and_the_check()
    {
        var path = WriteBytes("size.csv.gz", Flip(Member(Ticks), -4));

        var error = Assert.Throws<GzipFormatException>(() => DailyImport.Run(path));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_compressed_data_is_an_error_naming_the_file()
    {
        var whole = File.ReadAllBytes(SharedData.PathOf(SharedData.BinanceMinutes));
        var path = WriteBytes("damaged.csv.gz", Flip(whole, whole.Length / 2, 0x55));

        var error = Assert.Throws<GzipFormatException>(() => DailyImport.Run(path));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x1f, 0x8b }, "truncated")]
    [InlineData(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0 }, "truncated")]
    [InlineData(new byte[] { 0x1f, 0x8b, 7, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "compression method 7")]
    [InlineData(new byte[] { 0x1f, 0x8b, 8, 0xe0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "reserved")]
    [InlineData(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, "corrupt")]
    public void Not_gzip_beyond_the_magic_bytes_is_an_error_naming_the_file(byte[] bytes, string detail)
    {
        var path = WriteBytes("fake.csv.gz", bytes);

        var error = Assert.Throws<GzipFormatException>(() => DailyImport.Run(path));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_members_read_as_one_file()
    {
        var half = Ticks.IndexOf('\n', Ticks.Length / 2) + 1;
        var single = WriteBytes("single.csv.gz", Member(Ticks));
        var multi = WriteBytes("multi.csv.gz", [.. Member(Ticks[..half]), .. Member(""), .. Member(Ticks[half..])]);

        var expected = DailyImport.Run(single).Days;
        var days = DailyImport.Run(multi).Days;

        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, days);
    }

    [Fact]
    public void A_whole_member_followed_by_a_cut_one_is_an_error_naming_the_second_member()
    {
        var second = Member(Row(Day2Minute0 + 120, 50) + "\n" + Row(Day2Minute0 + 180, 60) + "\n");
        var path = WriteBytes("cut-second.csv.gz", [.. Member(Ticks), .. second[..^3]]);

        var error = Assert.Throws<GzipFormatException>(() => DailyImport.Run(path));

        Assert.Contains("member 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_the_last_member_that_are_not_gzip_are_an_error()
    {
        var path = WriteBytes("trailing.csv.gz", [.. Member(Ticks), .. "garbage"u8]);

        var error = Assert.Throws<GzipFormatException>(() => DailyImport.Run(path));

        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("after member 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_header_fields_are_read_past()
    {
        var path = WriteBytes("named.csv.gz", MemberWithAllHeaderFields(Ticks));

        var days = DailyImport.Run(path).Days;

        Assert.Equal(DailyImport.Run(WriteBytes("plain.csv.gz", Member(Ticks))).Days, days);
    }

    [Fact]
    public void A_damaged_header_crc_is_an_error()
    {
        var member = MemberWithAllHeaderFields(Ticks);
        var headerCrc = 10 + 6 + "ticks.csv\0".Length + "made for a test\0".Length;
        var path = WriteBytes("header-crc.csv.gz", Flip(member, headerCrc));

        var error = Assert.Throws<GzipFormatException>(() => DailyImport.Run(path));

        Assert.Contains("header CRC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_row_in_a_sound_gzip_file_is_reported_as_the_row_it_is()
    {
        var path = _files.WriteGzip("bad-row.csv.gz", Generic(Row(Day1Minute0, 10), "1609459260,10,11,9,1e19,1", Row(Day1Minute0 + 120, 10)));

        var error = Assert.Throws<TickFormatException>(() => DailyImport.Run(path));

        Assert.Equal(3, error.Line);
        Assert.Equal(BadRowReason.TooLarge, error.Reason);
    }

    [Fact]
    public void Skip_bad_does_not_skip_a_damaged_file()
    {
        var whole = File.ReadAllBytes(SharedData.PathOf(SharedData.BinanceMinutes));
        var path = WriteBytes("cut.csv.gz", whole[..^8]);

        Assert.Throws<GzipFormatException>(() => DailyImport.Run(path, new TickReaderOptions { SkipBad = true }));
    }

    [Fact]
    public void A_tiny_read_buffer_reads_a_multi_member_file_the_same()
    {
        var content = File.ReadAllBytes(SharedData.PathOf(SharedData.BinanceMinutes));
        var text = DecompressedText(content);
        var cut = text.IndexOf('\n', text.Length / 3) + 1;
        var path = WriteBytes("members.csv.gz", [.. Member(text[..cut]), .. Member(text[cut..])]);

        var small = DailyImport.Run(path, new TickReaderOptions { BufferSize = 4096 });

        Assert.Equal(399_791, small.TickRows);
        Assert.Equal(DailyImport.Run(SharedData.PathOf(SharedData.BinanceMinutes)).Days, small.Days);
    }

    private static string DecompressedText(byte[] gzip)
    {
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress));
        return reader.ReadToEnd();
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = _files.PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
