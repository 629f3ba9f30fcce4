using System.Runtime.InteropServices;
using System.Text;

namespace Scoran.Observatory.Eligibility;

/// <summary>
/// Every building of an eligibility release in columnar arrays, ordered by grid cell so that the
/// buildings of one cell are contiguous. This is what is written to the snapshot file and held
/// in memory: about 40 bytes per building plus its identifier and address.
/// </summary>
public sealed class EligibilitySnapshot
{
    private const string Magic = "SCORAN-ELIGIBILITE";
    private const int FormatVersion = 1;

    /// <summary>Grid cell side in degrees (about 550 m north–south, 380 m east–west in France).</summary>
    public const double CellDegrees = 0.005;

    public required string Vintage { get; init; }
    public required string Source { get; init; }
    public required string ContentSha256 { get; init; }
    /// <summary>Set for the generated demonstration files: every page and answer must say so.</summary>
    public required bool Synthetic { get; init; }
    /// <summary>Current commune codes; <see cref="Commune"/> indexes this list.</summary>
    public required string[] Communes { get; init; }
    /// <summary>Latitude and longitude in 1e-7 degree (WGS84), about 1 cm.</summary>
    public required int[] LatE7 { get; init; }
    public required int[] LonE7 { get; init; }
    public required ushort[] Commune { get; init; }
    public required int[] Premises { get; init; }
    /// <summary>Bit <c>(int)Technology</c> set when the building is eligible to it.</summary>
    public required byte[] TechMask { get; init; }
    /// <summary>Best download class rank per building and technology (index building × 7 + technology), 0 when absent.</summary>
    public required byte[] TechClass { get; init; }
    /// <summary>Bit 0: a technology is reported saturated; bit 1: a limitation is reported.</summary>
    public required byte[] Flags { get; init; }
    public required StringHeap Ids { get; init; }
    public required StringHeap Addresses { get; init; }
    /// <summary>Sorted keys of the non-empty cells, and where each starts (one more entry than keys).</summary>
    public required long[] CellKeys { get; init; }
    public required int[] CellStarts { get; init; }

    public int Count => LatE7.Length;

    public static long CellKey(int ix, int iy) => ((long)ix << 32) | (uint)iy;

    public static int CellIndex(double degrees) => (int)Math.Floor(degrees / CellDegrees);

    public byte BestClass(int building)
    {
        byte best = 0;
        var span = TechClass.AsSpan(building * EligibilityCodes.TechnologyCount, EligibilityCodes.TechnologyCount);
        foreach (var rank in span)
        {
            best = Math.Max(best, rank);
        }

        return best;
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.SequentialScan);
        await using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Vintage);
            writer.Write(Source);
            writer.Write(ContentSha256);
            writer.Write(Synthetic);
            writer.Write(Count);
            writer.Write(Communes.Length);
            foreach (var c in Communes)
            {
                writer.Write(c);
            }

            WriteArray(writer, LatE7);
            WriteArray(writer, LonE7);
            WriteArray(writer, Commune);
            WriteArray(writer, Premises);
            WriteArray(writer, TechMask);
            WriteArray(writer, TechClass);
            WriteArray(writer, Flags);
            Ids.Write(writer);
            Addresses.Write(writer);
            WriteArray(writer, CellKeys);
            WriteArray(writer, CellStarts);
            writer.Write(Magic);
        }

        await stream.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true);
    }

    public static EligibilitySnapshot Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException($"{path} : ce n'est pas un instantané d'éligibilité Scoran (version {FormatVersion})");
        }

        var vintage = reader.ReadString();
        var source = reader.ReadString();
        var sha = reader.ReadString();
        var synthetic = reader.ReadBoolean();
        var count = reader.ReadInt32();
        var communes = new string[reader.ReadInt32()];
        for (var i = 0; i < communes.Length; i++)
        {
            communes[i] = reader.ReadString();
        }

        var snapshot = new EligibilitySnapshot
        {
            Vintage = vintage,
            Source = source,
            ContentSha256 = sha,
            Synthetic = synthetic,
            Communes = communes,
            LatE7 = ReadArray<int>(reader),
            LonE7 = ReadArray<int>(reader),
            Commune = ReadArray<ushort>(reader),
            Premises = ReadArray<int>(reader),
            TechMask = ReadArray<byte>(reader),
            TechClass = ReadArray<byte>(reader),
            Flags = ReadArray<byte>(reader),
            Ids = StringHeap.Read(reader),
            Addresses = StringHeap.Read(reader),
            CellKeys = ReadArray<long>(reader),
            CellStarts = ReadArray<int>(reader),
        };
        if (reader.ReadString() != Magic || snapshot.LatE7.Length != count || snapshot.CellStarts.Length != snapshot.CellKeys.Length + 1)
        {
            throw new InvalidDataException($"{path} : instantané d'éligibilité incomplet");
        }

        return snapshot;
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader) where T : unmanaged
    {
        var values = new T[reader.ReadInt32()];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        reader.BaseStream.ReadExactly(bytes);
        return values;
    }
}

/// <summary>Many short strings in one UTF-8 buffer: one object instead of millions.</summary>
public sealed class StringHeap(byte[] bytes, int[] offsets)
{
    public int Count => offsets.Length - 1;

    public string this[int index] => Encoding.UTF8.GetString(bytes, offsets[index], offsets[index + 1] - offsets[index]);

    public ReadOnlySpan<byte> Utf8(int index) => bytes.AsSpan(offsets[index], offsets[index + 1] - offsets[index]);

    public void Write(BinaryWriter writer)
    {
        writer.Write(offsets.Length);
        writer.Write(MemoryMarshal.AsBytes(offsets.AsSpan()));
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    public static StringHeap Read(BinaryReader reader)
    {
        var offsets = new int[reader.ReadInt32()];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(offsets.AsSpan()));
        var bytes = new byte[reader.ReadInt32()];
        reader.BaseStream.ReadExactly(bytes);
        return new StringHeap(bytes, offsets);
    }

    /// <summary>The strings in the given order (a permutation of the builder's).</summary>
    public static StringHeap From(IReadOnlyList<string> values, int[] order)
    {
        var offsets = new int[order.Length + 1];
        long total = 0;
        foreach (var i in order)
        {
            total += Encoding.UTF8.GetByteCount(values[i]);
        }

        if (total > Array.MaxLength)
        {
            throw new InvalidOperationException("trop de texte pour un instantané (plus de 2 Go d'identifiants ou d'adresses)");
        }

        var bytes = new byte[total];
        var at = 0;
        for (var k = 0; k < order.Length; k++)
        {
            offsets[k] = at;
            at += Encoding.UTF8.GetBytes(values[order[k]], bytes.AsSpan(at));
        }

        offsets[order.Length] = at;
        return new StringHeap(bytes, offsets);
    }
}
