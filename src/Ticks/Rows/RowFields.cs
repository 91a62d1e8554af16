using System.Runtime.CompilerServices;

namespace StreamPredictor.Ticks.Rows;

/// <summary>The text of the fields a tick is made of, taken out of one row.</summary>
internal ref struct RowFields
{
    public ReadOnlySpan<byte> Timestamp;
    public ReadOnlySpan<byte> Open;
    public ReadOnlySpan<byte> High;
    public ReadOnlySpan<byte> Low;
    public ReadOnlySpan<byte> Close;
    public ReadOnlySpan<byte> Volume;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(FieldRole role, ReadOnlySpan<byte> text)
    {
        switch (role)
        {
            case FieldRole.Timestamp: Timestamp = text; break;
            case FieldRole.Open: Open = text; break;
            case FieldRole.High: High = text; break;
            case FieldRole.Low: Low = text; break;
            case FieldRole.Close: Close = text; break;
            case FieldRole.Volume: Volume = text; break;
            default: break;
        }
    }
}
