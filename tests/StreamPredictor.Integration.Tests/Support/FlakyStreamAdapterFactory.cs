using Orleans.Providers;
using Orleans.Streams;

namespace StreamPredictor.Integration.Tests.Support;

/// <summary>Memory streams whose publishing fails on demand for one stream namespace (the queue never sees the event).</summary>
public sealed class FlakyStreamAdapterFactory(IQueueAdapterFactory inner) : IQueueAdapterFactory
{
    private readonly Lock _lock = new();
    private string? _namespace;
    private int _failuresLeft;

    public int Failures { get; private set; }

    public static FlakyStreamAdapterFactory Create(IServiceProvider services, string name) =>
        new(MemoryAdapterFactory<DefaultMemoryMessageBodySerializer>.Create(services, name));

    /// <summary>Fails the next <paramref name="count"/> publications on streams of <paramref name="streamNamespace"/>.</summary>
    public void FailPublishing(string streamNamespace, int count = 1)
    {
        lock (_lock)
        {
            _namespace = streamNamespace;
            _failuresLeft = count;
        }
    }

    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken) => new Adapter(await inner.CreateAdapter(cancellationToken), this);

    public IQueueAdapterCache GetQueueAdapterCache() => inner.GetQueueAdapterCache();

    public IStreamQueueMapper GetStreamQueueMapper() => inner.GetStreamQueueMapper();

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => inner.GetDeliveryFailureHandler(queueId);

    private bool ShouldFail(StreamId streamId)
    {
        lock (_lock)
        {
            if (_failuresLeft > 0 && streamId.GetNamespace() == _namespace)
            {
                _failuresLeft--;
                Failures++;
                return true;
            }

            return false;
        }
    }

    private sealed class Adapter(IQueueAdapter inner, FlakyStreamAdapterFactory owner) : IQueueAdapter
    {
        public string Name => inner.Name;

        public bool IsRewindable => inner.IsRewindable;

        public StreamProviderDirection Direction => inner.Direction;

        public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => inner.CreateReceiver(queueId);

        public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext) =>
            owner.ShouldFail(streamId)
                ? throw new IOException($"injected failure publishing on {streamId}")
                : inner.QueueMessageBatchAsync(streamId, events, token, requestContext);
    }
}
