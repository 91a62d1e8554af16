using System.Runtime.CompilerServices;

namespace StreamPredictor.Ticks.Rows;

/// <summary>The comma-separated fields of one row, taken one after another; no quoting (tick files have none).</summary>
internal ref struct FieldCursor(ReadOnlySpan<byte> line)
{
    private ReadOnlySpan<byte> _rest = line;
    private bool _done;

    /// <summary>Takes the next field; false once the row has none left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNext(out ReadOnlySpan<byte> field)
    {
        if (_done)
        {
            field = default;
            return false;
        }

        var comma = _rest.IndexOf((byte)',');
        if (comma < 0)
        {
            field = _rest;
            _done = true;
            return true;
        }

        field = _rest[..comma];
        _rest = _rest[(comma + 1)..];
        return true;
    }
}
