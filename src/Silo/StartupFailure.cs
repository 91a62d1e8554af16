using NATS.Client.Core;
using StackExchange.Redis;

namespace StreamPredictor.Silo;

/// <summary>Reads why a silo failed to start: a lost service (worth another try) or anything else.</summary>
public static class StartupFailure
{
    /// <summary>"Redis" or "NATS" when the failure, or anything it wraps, is a lost connection to it; else null.</summary>
    public static string? ServiceLost(Exception failure)
    {
        foreach (var e in Chain(failure))
        {
            switch (e)
            {
                case RedisException:
                case Exception when e.GetType().FullName?.StartsWith("Orleans.Reminders.Redis.", StringComparison.Ordinal) == true:
                    return "Redis";
                case NatsException:
                    return "NATS";
            }
        }

        return null;
    }

    /// <summary>The innermost message, on one line.</summary>
    public static string Describe(Exception failure)
    {
        var message = failure.GetBaseException().Message;
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private static IEnumerable<Exception> Chain(Exception failure)
    {
        var pending = new Stack<Exception>([failure]);
        while (pending.TryPop(out var e))
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
