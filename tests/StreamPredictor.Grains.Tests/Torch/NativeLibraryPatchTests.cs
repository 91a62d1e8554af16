using System.Reflection;
using System.Text;
using TorchSharp;

namespace StreamPredictor.Grains.Tests.Torch;

/// <summary>
/// Checks the build step in build/TorchSharpNativeFix.targets from the outside: the copy in this
/// test's output is the one the process loads, it differs from the package original by the weak
/// flag alone, and the package original is untouched. Deliberately does not reuse the build task's
/// ELF reader, so a bug there cannot hide itself here.
/// </summary>
public sealed class NativeLibraryPatchTests
{
    private const string LibraryName = "libLibTorchSharp.so";
    private const string WeakenedVersion = "GLIBCXX_3.4.32";
    private const byte VerFlagWeak = 0x2;

    [Fact]
    public void The_output_copy_is_the_one_loaded()
    {
        using var ones = torch.ones(1);
        using var sum = ones.sum();
        Assert.Equal(1f, sum.item<float>());

        var loaded = File.ReadLines("/proc/self/maps")
            .Where(line => line.EndsWith("/" + LibraryName, StringComparison.Ordinal))
            .Select(line => line[line.IndexOf('/', StringComparison.Ordinal)..])
            .Distinct()
            .ToList();
        Assert.Equal([Path.GetFullPath(OutputCopy())], loaded);
    }

    [Fact]
    public void Only_the_output_copy_has_the_weak_flag()
    {
        var patched = File.ReadAllBytes(OutputCopy());
        var original = File.ReadAllBytes(PackageCopy());
        Assert.Equal(original.Length, patched.Length);

        // Exactly one byte differs: the low byte of vna_flags, gaining VER_FLG_WEAK.
        var offset = Assert.Single(Enumerable.Range(0, patched.Length), i => patched[i] != original[i]);
        Assert.Equal(0, original[offset] & VerFlagWeak);
        Assert.Equal(original[offset] | VerFlagWeak, patched[offset]);

        // An Elf64_Vernaux starts with vna_hash, then vna_flags: the four bytes before the flags
        // must be the ELF hash of the version name, which ties the changed byte to that entry.
        Assert.Equal(ElfHash(WeakenedVersion), BitConverter.ToUInt32(patched, offset - 4));
    }

    private static string OutputCopy()
    {
        // Portable builds keep native assets under runtimes/; RID-specific ones next to the tests.
        var portable = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", LibraryName);
        return File.Exists(portable) ? portable : Path.Combine(AppContext.BaseDirectory, LibraryName);
    }

    private static string PackageCopy()
    {
        var packageRoot = typeof(NativeLibraryPatchTests).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value;
        var version = typeof(torch).Assembly.GetName().Version!;
        return Path.Combine(packageRoot!, "torchsharp", version.ToString(3), "runtimes", "linux-x64", "native", LibraryName);
    }

    /// <summary>The System V ABI symbol hash that <c>vna_hash</c> holds.</summary>
    private static uint ElfHash(string name)
    {
        uint hash = 0;
        foreach (var b in Encoding.ASCII.GetBytes(name))
        {
            hash = (hash << 4) + b;
            var high = hash & 0xf0000000;
            if (high != 0)
                hash ^= high >> 24;
            hash &= ~high;
        }
        return hash;
    }
}
