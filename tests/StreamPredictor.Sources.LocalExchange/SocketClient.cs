using System.Net.WebSockets;
using System.Text;

namespace StreamPredictor.Sources.LocalExchange;

/// <summary>One client connection of the local exchange; sends are serialized.</summary>
internal sealed class SocketClient(WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _send = new(1, 1);

    public string? Channel { get; set; }

    /// <summary>A silenced connection stays open and answers nothing.</summary>
    public bool Silent { get; set; }

    public bool IsOpen => socket.State == WebSocketState.Open;

    /// <summary>Sends one text message; false when the connection is gone.</summary>
    public async Task<bool> SendAsync(string text)
    {
        await _send.WaitAsync();
        try
        {
            if (!IsOpen)
            {
                return false;
            }

            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            return false;
        }
        finally
        {
            _send.Release();
        }
    }

    public void Abort() => socket.Abort();

    public async Task CloseAsync()
    {
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "going away", CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            // already gone
        }
    }

    public void Dispose() => _send.Dispose();
}
