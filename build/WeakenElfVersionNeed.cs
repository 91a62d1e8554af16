// Compiled by RoslynCodeTaskFactory from build/TorchSharpNativeFix.targets, against netstandard2.0:
// no Span, no BinaryPrimitives, no records. Why this exists: docs/torchsharp-on-debian12.md.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks one symbol-version requirement of an ELF64 shared library weak, in copies of the library
/// only, after proving that the requirement guards nothing but a marker symbol that no relocation
/// binds to. Anything else (another symbol under that version, a relocation against the marker, a
/// layout this code does not understand) fails the build: weakening a requirement that is really
/// used would trade a clear load-time error for a crash later.
/// </summary>
public sealed class WeakenElfVersionNeed : Task
{
    private const int ErrorLimit = 10;

    /// <summary>Copies to patch in place (build or publish outputs, never package-cache files).</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The library the version is needed from, e.g. <c>libstdc++.so.6</c>.</summary>
    [Required]
    public string Library { get; set; } = "";

    /// <summary>The version requirement to weaken, e.g. <c>GLIBCXX_3.4.32</c>.</summary>
    [Required]
    public string Version { get; set; } = "";

    /// <summary>The one symbol allowed to use <see cref="Version"/>.</summary>
    [Required]
    public string MarkerSymbol { get; set; } = "";

    /// <summary>A folder whose files must never be modified (the NuGet package cache).</summary>
    public string ProtectedRoot { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                Patch(path);
            }
            catch (UnexpectedElfException e)
            {
                Fail(path, e.Message);
            }
            catch (IOException e)
            {
                Fail(path, $"cannot read or rewrite the file: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                Fail(path, $"cannot read or rewrite the file: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    private void Patch(string path)
    {
        if (IsUnder(path, ProtectedRoot))
        {
            Fail(path, $"refusing to modify a file inside '{ProtectedRoot}'; only build and publish copies may be patched.");
            return;
        }

        var image = File.ReadAllBytes(path);
        var need = FindCheckedNeed(image);
        if (need is null)
        {
            Log.LogMessage(MessageImportance.Low, "{0}: does not require {1} from {2}; nothing to patch.", path, Version, Library);
            return;
        }
        if ((need.Flags & ElfImage.VerFlagWeak) != 0)
        {
            Log.LogMessage(MessageImportance.Low, "{0}: {1} is already a weak requirement (only {2} uses it); nothing to do.", path, Version, MarkerSymbol);
            return;
        }

        WriteFlags(path, need.FlagsOffset, (ushort)(need.Flags | ElfImage.VerFlagWeak));

        // Read the result back through the same checks rather than trusting the write.
        var written = FindCheckedNeed(File.ReadAllBytes(path));
        if (written is null || (written.Flags & ElfImage.VerFlagWeak) == 0)
        {
            Fail(path, $"the weak flag on {Version} did not stick after rewriting the file.");
            return;
        }
        Log.LogMessage(MessageImportance.Normal, "{0}: marked {1} weak (only the marker {2} used it).", path, Version, MarkerSymbol);
    }

    /// <summary>
    /// Returns the <c>Elf64_Vernaux</c> entry for <see cref="Version"/>, or null when the library does
    /// not require it, after checking that only <see cref="MarkerSymbol"/> uses it. Throws otherwise.
    /// </summary>
    private VersionNeed? FindCheckedNeed(byte[] image)
    {
        var elf = new ElfImage(image);
        var needs = elf.ReadVersionNeeds().Where(n => n.Name == Version).ToList();
        if (needs.Count == 0)
            return null;
        if (needs.Count > 1)
            throw new UnexpectedElfException($"{Version} is required {needs.Count} times (from {string.Join(", ", needs.Select(n => n.Library))}); expected once, from {Library}.");

        var need = needs[0];
        if (need.Library != Library)
            throw new UnexpectedElfException($"{Version} is required from {need.Library}; expected {Library}.");

        var users = elf.ReadDynamicSymbols().Where(s => s.VersionIndex == need.Index).ToList();
        if (users.Count != 1 || users[0].Name != MarkerSymbol)
        {
            var found = users.Count == 0
                ? "no symbol"
                : string.Join(", ", users.Take(ErrorLimit).Select(s => s.Name)) + (users.Count > ErrorLimit ? $" and {users.Count - ErrorLimit} more" : "");
            throw new UnexpectedElfException(
                $"{Version} is needed by {found}; the fix only applies when its sole user is {MarkerSymbol}. "
                + "This library really needs a newer libstdc++: install one (GCC 13 or later) instead of weakening the requirement.");
        }

        var marker = users[0];
        if (marker.IsDefined)
            throw new UnexpectedElfException($"{MarkerSymbol} is defined in the library; expected an undefined reference to libstdc++.");
        if (elf.HasRelocationAgainst(marker.Index))
            throw new UnexpectedElfException($"a dynamic relocation binds to {MarkerSymbol}, so the library really uses it; expected a bare marker.");

        return need;
    }

    /// <summary>
    /// Writes the new flags into a sibling copy and renames it over <paramref name="path"/>. Never
    /// writing in place means a hard or symbolic link into the package cache is replaced, not
    /// followed. The timestamp is kept, so MSBuild's size-and-time check keeps seeing the copy as up
    /// to date and does not overwrite it with the original on the next build.
    /// </summary>
    private static void WriteFlags(string path, long offset, ushort flags)
    {
        var lastWrite = File.GetLastWriteTimeUtc(path);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.Copy(path, temporary);
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write))
            {
                stream.Position = offset;
                stream.WriteByte((byte)flags);
                stream.WriteByte((byte)(flags >> 8));
            }
            File.SetLastWriteTimeUtc(temporary, lastWrite);
            File.Replace(temporary, path, null);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    private static bool IsUnder(string path, string root)
    {
        if (string.IsNullOrEmpty(root))
            return false;
        var folder = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(folder, StringComparison.Ordinal);
    }

    private void Fail(string path, string message) =>
        Log.LogError(null, "TORCHFIX001", null, path, 0, 0, 0, 0, "Cannot apply the TorchSharp native fix to {0}: {1}", path, message);

    /// <summary>An <c>Elf64_Vernaux</c> entry: one version needed from one library.</summary>
    private sealed class VersionNeed
    {
        public VersionNeed(string library, string name, ushort index, ushort flags, long flagsOffset)
        {
            Library = library;
            Name = name;
            Index = index;
            Flags = flags;
            FlagsOffset = flagsOffset;
        }

        public string Library { get; }
        public string Name { get; }
        public ushort Index { get; }
        public ushort Flags { get; }
        public long FlagsOffset { get; }
    }

    /// <summary>An <c>Elf64_Sym</c> entry of <c>.dynsym</c> with its <c>.gnu.version</c> index.</summary>
    private sealed class DynamicSymbol
    {
        public DynamicSymbol(uint index, string name, ushort versionIndex, bool isDefined)
        {
            Index = index;
            Name = name;
            VersionIndex = versionIndex;
            IsDefined = isDefined;
        }

        public uint Index { get; }
        public string Name { get; }
        public ushort VersionIndex { get; }
        public bool IsDefined { get; }
    }

    private sealed class Section
    {
        public Section(int index, string name, uint type, long offset, long size, uint link, uint info, long entrySize)
        {
            Index = index;
            Name = name;
            Type = type;
            Offset = offset;
            Size = size;
            Link = link;
            Info = info;
            EntrySize = entrySize;
        }

        public int Index { get; }
        public string Name { get; }
        public uint Type { get; }
        public long Offset { get; }
        public long Size { get; }
        public uint Link { get; }
        public uint Info { get; }
        public long EntrySize { get; }
        public long End => Offset + Size;
    }

    private sealed class UnexpectedElfException : Exception
    {
        public UnexpectedElfException(string message) : base(message)
        {
        }
    }

    /// <summary>
    /// Just enough of an ELF64 little-endian reader for symbol versioning (System V gABI, plus the
    /// GNU extension documented in the LSB: <c>.gnu.version</c> and <c>.gnu.version_r</c>). Every
    /// read is bounds-checked; anything surprising throws <see cref="UnexpectedElfException"/>.
    /// </summary>
    private sealed class ElfImage
    {
        public const ushort VerFlagWeak = 0x2;

        private const uint ShtStrtab = 3;
        private const uint ShtRela = 4;
        private const uint ShtNobits = 8;
        private const uint ShtRel = 9;
        private const uint ShtDynsym = 11;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const uint ShtGnuVersym = 0x6fffffff;
        private const int SectionHeaderSize = 64;
        private const int SymbolSize = 24;
        private const int VerneedSize = 16;
        private const int VernauxSize = 16;

        private readonly byte[] _image;
        private readonly Section[] _sections;

        public ElfImage(byte[] image)
        {
            _image = image;
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
                throw new UnexpectedElfException("not an ELF file.");
            if (image[4] != 2 || image[5] != 1)
                throw new UnexpectedElfException($"expected ELF64 little-endian, found class {image[4]}, data encoding {image[5]}.");

            var sectionTable = (long)U64(0x28);
            var entrySize = U16(0x3a);
            var count = U16(0x3c);
            var namesIndex = U16(0x3e);
            if (entrySize != SectionHeaderSize || count == 0 || namesIndex >= count)
                throw new UnexpectedElfException($"unexpected section header table (entry size {entrySize}, {count} sections, names in {namesIndex}).");
            Require(sectionTable, (long)count * SectionHeaderSize, "section header table");

            var headers = Enumerable.Range(0, count).Select(i => ReadSectionHeader(sectionTable + (long)i * SectionHeaderSize)).ToArray();
            var names = headers[namesIndex];
            Require(names.Offset, names.Size, "section name table");
            _sections = headers
                .Select((h, i) => new Section(i, ReadString(names.Offset, names.Size, h.NameOffset), h.Type, h.Offset, h.Size, h.Link, h.Info, h.EntrySize))
                .ToArray();
        }

        /// <summary>Walks the <c>Elf64_Verneed</c> chain and its <c>Elf64_Vernaux</c> entries.</summary>
        public List<VersionNeed> ReadVersionNeeds()
        {
            var needs = new List<VersionNeed>();
            var verneed = SingleSection(ShtGnuVerneed, ".gnu.version_r");
            if (verneed is null)
                return needs;
            var strings = LinkedStrings(verneed);

            var entry = verneed.Offset;
            for (uint i = 0; i < verneed.Info; i++)
            {
                RequireWithin(verneed, entry, VerneedSize);
                if (U16(entry) != 1)
                    throw new UnexpectedElfException($"unknown Elf64_Verneed version {U16(entry)}.");
                var auxCount = U16(entry + 2);
                var library = ReadString(strings, U32(entry + 4));

                var aux = entry + U32(entry + 8);
                for (var j = 0; j < auxCount; j++)
                {
                    RequireWithin(verneed, aux, VernauxSize);
                    var name = ReadString(strings, U32(aux + 8));
                    needs.Add(new VersionNeed(library, name, index: U16(aux + 6), flags: U16(aux + 4), flagsOffset: aux + 4));
                    var nextAux = U32(aux + 12);
                    if (nextAux == 0 && j != auxCount - 1)
                        throw new UnexpectedElfException($"the Elf64_Vernaux chain of {library} ends after {j + 1} of {auxCount} entries.");
                    aux += nextAux;
                }

                var next = U32(entry + 12);
                if (next == 0 && i != verneed.Info - 1)
                    throw new UnexpectedElfException($"the Elf64_Verneed chain ends after {i + 1} of {verneed.Info} entries.");
                entry += next;
            }
            return needs;
        }

        /// <summary>Reads <c>.dynsym</c> with the version index <c>.gnu.version</c> gives each symbol.</summary>
        public List<DynamicSymbol> ReadDynamicSymbols()
        {
            var dynsym = SingleSection(ShtDynsym, ".dynsym") ?? throw new UnexpectedElfException("no .dynsym section.");
            var versym = SingleSection(ShtGnuVersym, ".gnu.version") ?? throw new UnexpectedElfException("no .gnu.version section.");
            if (dynsym.EntrySize != SymbolSize || dynsym.Size % SymbolSize != 0)
                throw new UnexpectedElfException($".dynsym has entries of {dynsym.EntrySize} bytes; expected {SymbolSize}.");
            var count = dynsym.Size / SymbolSize;
            if (versym.Link != dynsym.Index || versym.Size != count * 2)
                throw new UnexpectedElfException($".gnu.version has {versym.Size / 2} entries for {count} symbols of .dynsym.");
            var strings = LinkedStrings(dynsym);

            var symbols = new List<DynamicSymbol>();
            for (uint i = 1; i < count; i++)
            {
                var symbol = dynsym.Offset + i * SymbolSize;
                // Bit 15 only hides the symbol from unversioned lookups; the index is the low 15 bits.
                var versionIndex = (ushort)(U16(versym.Offset + i * 2) & 0x7fff);
                var isDefined = U16(symbol + 6) != 0; // st_shndx != SHN_UNDEF
                symbols.Add(new DynamicSymbol(i, ReadString(strings, U32(symbol)), versionIndex, isDefined));
            }
            return symbols;
        }

        /// <summary>Whether any REL or RELA section over <c>.dynsym</c> names the given symbol.</summary>
        public bool HasRelocationAgainst(uint symbolIndex)
        {
            var dynsym = SingleSection(ShtDynsym, ".dynsym") ?? throw new UnexpectedElfException("no .dynsym section.");
            foreach (var section in _sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && s.Link == dynsym.Index))
            {
                var entrySize = section.Type == ShtRela ? 24 : 16;
                if (section.EntrySize != entrySize || section.Size % entrySize != 0)
                    throw new UnexpectedElfException($"{section.Name} has entries of {section.EntrySize} bytes; expected {entrySize}.");
                for (var entry = section.Offset; entry < section.End; entry += entrySize)
                {
                    // r_info: symbol index in the high 32 bits, relocation type in the low 32.
                    if ((uint)(U64(entry + 8) >> 32) == symbolIndex)
                        return true;
                }
            }
            return false;
        }

        /// <summary>The one section of this type, checked to carry its usual name; null if none.</summary>
        private Section? SingleSection(uint type, string name)
        {
            var matches = _sections.Where(s => s.Type == type).ToList();
            if (matches.Count > 1)
                throw new UnexpectedElfException($"{matches.Count} sections of type 0x{type:x}; expected at most one ({name}).");
            if (matches.Count == 0)
                return null;
            var section = matches[0];
            if (section.Name != name)
                throw new UnexpectedElfException($"the section of type 0x{type:x} is named '{section.Name}'; expected {name}.");
            if (section.Type != ShtNobits)
                Require(section.Offset, section.Size, name);
            return section;
        }

        private Section LinkedStrings(Section section)
        {
            if (section.Link == 0 || section.Link >= _sections.Length || _sections[section.Link].Type != ShtStrtab)
                throw new UnexpectedElfException($"{section.Name} does not link to a string table.");
            var strings = _sections[section.Link];
            if (strings.Name != ".dynstr")
                throw new UnexpectedElfException($"{section.Name} links to '{strings.Name}'; expected .dynstr.");
            Require(strings.Offset, strings.Size, strings.Name);
            return strings;
        }

        private SectionHeader ReadSectionHeader(long at) => new SectionHeader(
            nameOffset: U32(at),
            type: U32(at + 4),
            offset: (long)U64(at + 24),
            size: (long)U64(at + 32),
            link: U32(at + 40),
            info: U32(at + 44),
            entrySize: (long)U64(at + 56));

        private string ReadString(Section table, uint offset) => ReadString(table.Offset, table.Size, offset);

        private string ReadString(long tableOffset, long tableSize, uint offset)
        {
            if (offset >= tableSize)
                throw new UnexpectedElfException($"string offset {offset} is outside its {tableSize}-byte table.");
            var start = tableOffset + offset;
            var end = Array.IndexOf(_image, (byte)0, (int)start, (int)(tableOffset + tableSize - start));
            if (end < 0)
                throw new UnexpectedElfException($"unterminated string at file offset {start}.");
            return Encoding.UTF8.GetString(_image, (int)start, (int)(end - start));
        }

        private void RequireWithin(Section section, long offset, long length)
        {
            if (offset < section.Offset || offset + length > section.End)
                throw new UnexpectedElfException($"an entry at file offset {offset} runs outside {section.Name}.");
        }

        private void Require(long offset, long length, string what)
        {
            if (offset < 0 || length < 0 || offset + length > _image.Length)
                throw new UnexpectedElfException($"{what} (offset {offset}, {length} bytes) runs past the end of the {_image.Length}-byte file.");
        }

        private ushort U16(long at)
        {
            Require(at, 2, "a 16-bit field");
            return (ushort)(_image[at] | _image[at + 1] << 8);
        }

        private uint U32(long at)
        {
            Require(at, 4, "a 32-bit field");
            return _image[at] | (uint)_image[at + 1] << 8 | (uint)_image[at + 2] << 16 | (uint)_image[at + 3] << 24;
        }

        private ulong U64(long at) => U32(at) | (ulong)U32(at + 4) << 32;

        private sealed class SectionHeader
        {
            public SectionHeader(uint nameOffset, uint type, long offset, long size, uint link, uint info, long entrySize)
            {
                NameOffset = nameOffset;
                Type = type;
                Offset = offset;
                Size = size;
                Link = link;
                Info = info;
                EntrySize = entrySize;
            }

            public uint NameOffset { get; }
            public uint Type { get; }
            public long Offset { get; }
            public long Size { get; }
            public uint Link { get; }
            public uint Info { get; }
            public long EntrySize { get; }
        }
    }
}
