namespace StreamPredictor.Grains.Tests.Market;

/// <summary>Hand-written tick files: small enough to check by eye.</summary>
internal static class TickFileFixtures
{
    public const string KaggleHeader = "Timestamp,Open,High,Low,Close,Volume_(BTC),Volume_(Currency),Weighted_Price";
    public const string GenericHeader = "timestamp,open,high,low,close,volume";

    // 2021-01-01 00:00, 00:01, 00:02 UTC and 2021-01-02 00:00 UTC.
    public const long Day1Minute0 = 1_609_459_200;
    public const long Day2Minute0 = Day1Minute0 + 86_400;

    public static string Generic(params string[] rows) => string.Join('\n', [GenericHeader, .. rows]) + "\n";

    public static string Kaggle(params string[] rows) => string.Join('\n', [KaggleHeader, .. rows]) + "\n";

    public static string Row(long timestamp, double close, double volume = 1) =>
        FormattableString.Invariant($"{timestamp},{close},{close + 1},{close - 1},{close},{volume}");
}
