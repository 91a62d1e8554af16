using System.Runtime.CompilerServices;

namespace StreamPredictor.Sources.Ingestion;

/// <summary>Turns a cancellable read into one that simply ends when asked to stop, so what was read gets confirmed.</summary>
public static class Stoppable
{
    public static async IAsyncEnumerable<Tick> Until(Func<CancellationToken, IAsyncEnumerable<Tick>> read, [EnumeratorCancellation] CancellationToken stopping)
    {
        await using var ticks = read(stopping).GetAsyncEnumerator(stopping);
        while (true)
        {
            try
            {
                if (!await ticks.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                yield break;
            }

            yield return ticks.Current;
        }
    }
}
