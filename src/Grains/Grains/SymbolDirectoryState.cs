namespace StreamPredictor.Grains;

/// <summary>The symbols listed in the directory, in ordinal order. Never renumber the ids.</summary>
[GenerateSerializer, Alias("stream.symbol-directory-state")]
public sealed class SymbolDirectoryState
{
    [Id(0)] public List<string> Symbols { get; set; } = [];
}
