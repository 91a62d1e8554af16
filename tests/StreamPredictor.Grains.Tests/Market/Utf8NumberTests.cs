using System.Globalization;
using System.Text;
using StreamPredictor.Grains.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Grains.Tests.Market;

public sealed class Utf8NumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("8733.86")]
    [InlineData("-12.5")]
    [InlineData("+3.25")]
    [InlineData("0.000000001")]
    [InlineData("8762.886682263854")]
    [InlineData("123456789012345678901234")]
    [InlineData("1e5")]
    [InlineData("2.5E-3")]
    [InlineData("9007199254740993")]
    public void Parses_like_the_framework(string text)
    {
        Assert.True(Utf8Number.TryParseDouble(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void Random_decimals_parse_to_the_correctly_rounded_double()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 200_000; i++)
        {
            var integerPart = random.NextInt64(0, 1_000_000_000);
            var fractionDigits = random.Next(0, 11);
            var fraction = random.NextInt64(0, (long)Math.Pow(10, fractionDigits)).ToString(CultureInfo.InvariantCulture).PadLeft(fractionDigits, '0');
            var text = fractionDigits == 0
                ? integerPart.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{integerPart}.{fraction}");

            Assert.True(Utf8Number.TryParseDouble(Encoding.ASCII.GetBytes(text), out var value), text);
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("nan")]
    public void Missing_values_are_recognised(string text) =>
        Assert.True(Utf8Number.IsMissing(Encoding.ASCII.GetBytes(text)));

    [Theory]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData(".")]
    [InlineData("-")]
    public void Garbage_is_refused(string text) =>
        Assert.False(Utf8Number.TryParseDouble(Encoding.ASCII.GetBytes(text), out _));
}
