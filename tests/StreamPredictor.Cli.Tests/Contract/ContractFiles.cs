using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Cli.Tests.Contract;

/// <summary>The input files the contract table feeds to commands that read a tick file.</summary>
public sealed class ContractFiles : IDisposable
{
    private readonly TempFiles _files = new();
    private int _folders;

    public ContractFiles()
    {
        Good = _files.Write("good.csv", "timestamp,open,high,low,close,volume\n1609459200,10,11,9,10,1\n1609545600,20,21,19,20,1\n");
        AboveBound = _files.Write("above-bound.csv", "timestamp,open,high,low,close,volume\n1609459200,10,11,9,10,1\n1609459260,10,11,9,1e19,1\n");
        var binance = File.ReadAllBytes(SharedData.PathOf(SharedData.BinanceMinutes));
        TruncatedGzip = _files.PathOf("truncated.csv.gz");
        File.WriteAllBytes(TruncatedGzip, binance[..(binance.Length / 3)]);
        Missing = _files.PathOf("missing.csv");
        Folder = NewFolder();
        Directory.CreateDirectory(Folder);
    }

    /// <summary>Two valid ticks on two days.</summary>
    public string Good { get; }

    /// <summary>A close of 1e19 on line 3.</summary>
    public string AboveBound { get; }

    /// <summary>The real Binance file cut after a third of its compressed bytes.</summary>
    public string TruncatedGzip { get; }

    public string Missing { get; }

    public string Folder { get; }

    /// <summary>A path for a new folder of its own (embedded silos of parallel rows must not share one).</summary>
    public string NewFolder() => _files.PathOf($"folder-{Interlocked.Increment(ref _folders)}");

    public void Dispose() => _files.Dispose();
}
