using System.Globalization;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>The months that group closed days into history records: a month is year × 12 + month − 1.</summary>
public static class HistoryMonth
{
    public static int Of(long dayNumber)
    {
        var date = Tick.DateOf(dayNumber);
        return (date.Year * 12) + date.Month - 1;
    }

    /// <summary>The state name of a month's record: <c>history-2021-05</c>.</summary>
    public static string StateName(int month) =>
        string.Create(CultureInfo.InvariantCulture, $"history-{month / 12:D4}-{(month % 12) + 1:D2}");
}
