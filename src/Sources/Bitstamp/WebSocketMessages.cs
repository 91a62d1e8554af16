using System.Buffers;
using System.Net.WebSockets;

namespace StreamPredictor.Sources.Bitstamp;

/// <summary>Reads whole messages from a WebSocket into one reused buffer; a message longer than the limit is refused.</summary>
internal sealed class WebSocketMessages(WebSocket socket, int maxLength = 1 << 20)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    /// <summary>The next whole message, valid until the next call; null when the peer closed the connection.</summary>
    public async Task<ReadOnlyMemory<byte>?> ReadAsync(CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(_buffer.GetMemory(8 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _buffer.Advance(result.Count);
            if (_buffer.WrittenCount > maxLength)
            {
                throw new WebSocketException(WebSocketError.Faulted, $"a message longer than {maxLength:N0} bytes");
            }

            if (result.EndOfMessage)
            {
                return _buffer.WrittenMemory;
            }
        }
    }
}
