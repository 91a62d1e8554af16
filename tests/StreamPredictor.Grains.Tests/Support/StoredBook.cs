using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using StreamPredictor.Grains.Market;

namespace StreamPredictor.Grains.Tests.Support;

/// <summary>
/// What a market grain keeps in storage for a <see cref="DailyBook"/>, without Orleans' runtime: the recent state and
/// the history by day, both copied through the Orleans serializer as a storage provider would.
/// </summary>
public sealed class StoredBook
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private readonly SortedDictionary<long, DayAccumulatorState> _history = [];
    private byte[]? _recent;

    public IReadOnlyCollection<DayAccumulatorState> History => _history.Values;

    /// <summary>Commits the recent state, as the grain does after every batch.</summary>
    public void Commit(DailyBook book) => _recent = Serializer.SerializeToArray(book.SaveRecent());

    /// <summary>Writes the days pending history and tells the book, as the grain does after a commit.</summary>
    public void WriteHistory(DailyBook book)
    {
        var days = book.HistoryToWrite();
        foreach (var day in days)
        {
            _history[day.DayNumber] = Serializer.Deserialize<DayAccumulatorState>(Serializer.SerializeToArray(day))!;
        }

        book.HistoryStored(days.Select(d => d.DayNumber), days.Select(d => HistoryMonth.Of(d.DayNumber)));
    }

    /// <summary>Commit, then history: a batch that went through.</summary>
    public void Save(DailyBook book)
    {
        Commit(book);
        WriteHistory(book);
    }

    public DailyBookState Recent => _recent is null ? new DailyBookState() : Serializer.Deserialize<DailyBookState>(_recent)!;

    /// <summary>The book a new activation would build from storage.</summary>
    public DailyBook Load(MarketRules rules) => new(rules, Recent, _history.Values);
}
