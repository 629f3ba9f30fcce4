using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Scoran.Core.Imports;
using Sylvan.Data.Csv;

namespace Scoran.Observatory.Eligibility;

/// <summary>
/// Both files of a building-level eligibility release, read in one pass each and joined on
/// <c>imb_id</c>: per building its position (converted from EPSG:3857 to WGS84), commune code as
/// written in the file, premises, address, and per technology the best download class.
/// </summary>
public sealed class EligibilityRelease
{
    public required string BuildingsFile { get; init; }
    public required string EligibilityFile { get; init; }
    public required string ContentSha256 { get; init; }
    public required bool Synthetic { get; init; }
    public required int[] LatE7 { get; init; }
    public required int[] LonE7 { get; init; }
    /// <summary>Index into <see cref="FileCommunes"/>.</summary>
    public required int[] FileCommune { get; init; }
    public required int[] Premises { get; init; }
    public required byte[] TechMask { get; init; }
    public required byte[] TechClass { get; init; }
    public required byte[] Flags { get; init; }
    public required string[] Ids { get; init; }
    public required string[] Addresses { get; init; }
    /// <summary>Commune codes as written in the building file, with the first line using each and the column of <c>imb_code_insee</c>.</summary>
    public required IReadOnlyList<(string Code, long Line)> FileCommunes { get; init; }
    public required int CommuneColumn { get; init; }
    public required long EligibilityRows { get; init; }
    public TimeSpan ReadTime { get; init; }

    public int Count => LatE7.Length;
}

public static class EligibilityFiles
{
    public static readonly string[] BuildingColumns =
    [
        "imb_id", "imb_longitude", "imb_latitude", "imb_code", "imb_code_insee", "imb_nbr_logloc", "imb_source", "imb_type", "addr_code", "imb_num",
        "addr_numero", "addr_rep", "addr_nom_voie", "addr_nom_ld", "addr_code_insee", "addr_nom_commune", "addr_id_fantoir", "addr_source",
    ];

    public static readonly string[] EligibilityColumns =
        ["imb_id", "addr_code", "imb_code", "code_techno", "classe_debit_montant", "classe_debit_descendant", "limitation", "saturation"];

    /// <summary>Value of <c>imb_source</c> in Scoran's generated demonstration files.</summary>
    public const string SyntheticSource = "synthetique";

    private const int MaxErrors = 100;
    private const double MercatorRadius = 6_378_137;
    private const double MercatorLimit = 20_037_508.343;

    /// <summary>Reads and validates both files; throws <see cref="ImportRejectedException"/> with every error found (up to 100).</summary>
    public static async Task<EligibilityRelease> ReadAsync(string buildingsFile, string eligibilityFile, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var errors = new List<ImportError>();
        foreach (var file in new[] { buildingsFile, eligibilityFile })
        {
            if (!File.Exists(file))
            {
                errors.Add(new ImportError(file, null, null, "fichier introuvable"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buildings = new BuildingsBuilder();
        await ParseAsync(buildingsFile, BuildingColumns, sha, progress, "Lecture des immeubles",
            (reader, columns, errs) => buildings.Add(buildingsFile, reader, columns, errs), () => buildings = new BuildingsBuilder(), errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var techMask = new byte[buildings.Count];
        var techClass = new byte[buildings.Count * EligibilityCodes.TechnologyCount];
        var flags = new byte[buildings.Count];
        long eligibilityRows = 0;
        var last = -1;
        await ParseAsync(eligibilityFile, EligibilityColumns, sha, progress, "Lecture de l'éligibilité", (reader, c, errs) =>
        {
            eligibilityRows++;
            var line = LineOf(reader);
            var id = reader.GetFieldSpan(c[0]).Trim();
            // Arcep writes the rows of a building together and in the building base's order:
            // comparing with the current and next building spares most dictionary lookups.
            int building;
            if (last >= 0 && id.SequenceEqual(buildings.Ids[last]))
            {
                building = last;
            }
            else if (last + 1 < buildings.Count && id.SequenceEqual(buildings.Ids[last + 1]))
            {
                building = ++last;
            }
            else if (buildings.TryFind(id, out building))
            {
                last = building;
            }
            else
            {
                errs.Add(new ImportError(eligibilityFile, line, c[0] + 1, $"immeuble inconnu : « {id} » absent de la base des immeubles"));
                return;
            }

            var techno = EligibilityCodes.TechnologyIndex(reader.GetFieldSpan(c[3]));
            if (techno < 0)
            {
                errs.Add(new ImportError(eligibilityFile, line, c[3] + 1,
                    $"technologie inconnue : « {reader.GetFieldSpan(c[3])} » (attendu : {string.Join(", ", EligibilityCodes.Technologies.Select(t => t.Code))})"));
                return;
            }

            var down = EligibilityCodes.ClassRank(reader.GetFieldSpan(c[5]));
            var up = EligibilityCodes.ClassRank(reader.GetFieldSpan(c[4]));
            if (down < 0 || up < 0)
            {
                var column = down < 0 ? c[5] : c[4];
                errs.Add(new ImportError(eligibilityFile, line, column + 1,
                    $"classe de débit inconnue : « {reader.GetFieldSpan(column)} » (attendu : {string.Join(", ", EligibilityCodes.Classes.Select(k => k.Code))})"));
                return;
            }

            techMask[building] |= (byte)(1 << techno);
            ref var rank = ref techClass[building * EligibilityCodes.TechnologyCount + techno];
            rank = Math.Max(rank, (byte)down);
            if (IsSet(reader.GetFieldSpan(c[7])))
            {
                flags[building] |= 1;
            }

            if (IsSet(reader.GetFieldSpan(c[6])))
            {
                flags[building] |= 2;
            }
        }, () =>
        {
            eligibilityRows = 0;
            last = -1;
            Array.Clear(techMask);
            Array.Clear(techClass);
            Array.Clear(flags);
        }, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        return new EligibilityRelease
        {
            BuildingsFile = buildingsFile,
            EligibilityFile = eligibilityFile,
            ContentSha256 = Convert.ToHexStringLower(sha.GetHashAndReset()),
            Synthetic = buildings.Synthetic,
            LatE7 = buildings.LatE7.ToArray(),
            LonE7 = buildings.LonE7.ToArray(),
            FileCommune = buildings.Commune.ToArray(),
            Premises = buildings.Premises.ToArray(),
            TechMask = techMask,
            TechClass = techClass,
            Flags = flags,
            Ids = buildings.Ids.ToArray(),
            Addresses = buildings.Addresses.ToArray(),
            FileCommunes = buildings.Communes,
            CommuneColumn = buildings.CommuneColumn,
            EligibilityRows = eligibilityRows,
            ReadTime = started.Elapsed,
        };
    }

    // Sylvan numbers data records from 1 after the header: the header is line 1 of the file.
    // (A quoted field holding a line break would shift later lines; Arcep's files have none.)
    private static long LineOf(CsvDataReader reader) => reader.RowNumber + 1;

    private static bool IsSet(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        return value is "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("t", StringComparison.OrdinalIgnoreCase)
               || value.Equals("oui", StringComparison.OrdinalIgnoreCase) || value.Equals("o", StringComparison.OrdinalIgnoreCase);
    }

    private delegate void RowHandler(CsvDataReader reader, int[] columns, List<ImportError> errors);

    private static async Task ParseAsync(string file, string[] expected, IncrementalHash sha, IProgress<ImportProgress>? progress, string stage,
        RowHandler handle, Action reset, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var head = new byte[64 * 1024];
        int headLength;
        await using (var peek = File.OpenRead(file))
        {
            headLength = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var firstLine = Encoding.Latin1.GetString(head, 0, headLength).Split('\n')[0];
        var delimiter = firstLine.Count(ch => ch == ';') > firstLine.Count(ch => ch == ',') ? ';' : ',';
        // Strict UTF-8 first; a file that turns out not to be UTF-8 is read again as Latin-1.
        foreach (var encoding in new Encoding[] { new UTF8Encoding(false, throwOnInvalidBytes: true), Encoding.Latin1 })
        {
            var before = errors.Count;
            var copy = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            try
            {
                await using var stream = new HashingStream(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan), copy);
                using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: encoding is UTF8Encoding, bufferSize: 1 << 16);
                await ParseRowsAsync(file, text, delimiter, expected, stream, progress, stage, handle, errors, cancellationToken);
                if (!stream.ReachedEnd)
                {
                    // Stopped early on errors: the hash is not needed.
                    return;
                }

                sha.AppendData(copy.GetHashAndReset());
                return;
            }
            catch (DecoderFallbackException)
            {
                errors.RemoveRange(before, errors.Count - before);
                reset();
            }
            finally
            {
                copy.Dispose();
            }
        }
    }

    private static async Task ParseRowsAsync(string file, TextReader text, char delimiter, string[] expected, HashingStream stream,
        IProgress<ImportProgress>? progress, string stage, RowHandler handle, List<ImportError> errors, CancellationToken cancellationToken)
    {
        await using var reader = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = delimiter, BufferSize = 1 << 16 });
        var columns = new int[expected.Length];
        for (var i = 0; i < expected.Length; i++)
        {
            columns[i] = -1;
            for (var k = 0; k < reader.FieldCount; k++)
            {
                if (string.Equals(reader.GetName(k).Trim().Trim('\uFEFF'), expected[i], StringComparison.OrdinalIgnoreCase))
                {
                    columns[i] = k;
                    break;
                }
            }

            if (columns[i] < 0)
            {
                errors.Add(new ImportError(file, 1, null, $"colonne manquante : « {expected[i]} » (en-tête attendu : {string.Join(delimiter, expected)})"));
            }
        }

        if (errors.Count > 0)
        {
            return;
        }

        var width = columns.Max() + 1;
        long rows = 0;
        var length = stream.Length;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
            if (reader.RowFieldCount < width)
            {
                errors.Add(new ImportError(file, LineOf(reader), reader.RowFieldCount, $"ligne incomplète : {reader.RowFieldCount} champ(s) au lieu de {reader.FieldCount} (fichier tronqué ?)"));
            }
            else
            {
                handle(reader, columns, errors);
            }

            if (errors.Count >= MaxErrors)
            {
                return;
            }

            if ((rows & 0xFFFF) == 0)
            {
                progress?.Report(new ImportProgress(stage, stream.Position, length));
            }
        }

        if (rows == 0)
        {
            errors.Add(new ImportError(file, 2, null, "aucune ligne de données après l'en-tête (fichier tronqué ?)"));
        }

        progress?.Report(new ImportProgress(stage, length, length));
    }

    /// <summary>Accumulates buildings; imb_id strings are kept once, in the lookup used by the eligibility file.</summary>
    private sealed class BuildingsBuilder
    {
        private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly Dictionary<string, int> _communeIndex = new(StringComparer.Ordinal);

        public BuildingsBuilder() => _lookup = _byId.GetAlternateLookup<ReadOnlySpan<char>>();

        public List<int> LatE7 { get; } = [];
        public List<int> LonE7 { get; } = [];
        public List<int> Commune { get; } = [];
        public List<int> Premises { get; } = [];
        public List<string> Ids { get; } = [];
        public List<string> Addresses { get; } = [];
        public List<(string Code, long Line)> Communes { get; } = [];
        public int CommuneColumn { get; private set; }
        public bool Synthetic { get; private set; }
        public int Count => Ids.Count;

        public bool TryFind(ReadOnlySpan<char> id, out int building) => _lookup.TryGetValue(id, out building);

        public void Add(string file, CsvDataReader reader, int[] c, List<ImportError> errors)
        {
            var line = LineOf(reader);
            CommuneColumn = c[4] + 1;
            var id = reader.GetFieldSpan(c[0]).Trim();
            if (id.IsEmpty)
            {
                errors.Add(new ImportError(file, line, c[0] + 1, "identifiant d'immeuble (imb_id) vide"));
                return;
            }

            if (_lookup.ContainsKey(id))
            {
                errors.Add(new ImportError(file, line, c[0] + 1, $"immeuble en double : « {id} »"));
                return;
            }

            if (!TryCoordinate(reader.GetFieldSpan(c[1]), out var x))
            {
                errors.Add(new ImportError(file, line, c[1] + 1, $"longitude (EPSG:3857, en mètres) invalide : « {reader.GetFieldSpan(c[1])} »"));
                return;
            }

            if (!TryCoordinate(reader.GetFieldSpan(c[2]), out var y))
            {
                errors.Add(new ImportError(file, line, c[2] + 1, $"latitude (EPSG:3857, en mètres) invalide : « {reader.GetFieldSpan(c[2])} »"));
                return;
            }

            var premisesText = reader.GetFieldSpan(c[5]).Trim();
            var premises = 0;
            if (!premisesText.IsEmpty && (!int.TryParse(premisesText, NumberStyles.None, CultureInfo.InvariantCulture, out premises)))
            {
                errors.Add(new ImportError(file, line, c[5] + 1, $"nombre de locaux (imb_nbr_logloc) invalide : « {premisesText} » (entier positif attendu)"));
                return;
            }

            var code = reader.GetFieldSpan(c[4]).Trim();
            if (code.Length != 5)
            {
                errors.Add(new ImportError(file, line, c[4] + 1, $"code commune (imb_code_insee) invalide : « {code} » (5 caractères attendus)"));
                return;
            }

            var codeText = code.ToString();
            if (!_communeIndex.TryGetValue(codeText, out var commune))
            {
                _communeIndex[codeText] = commune = Communes.Count;
                Communes.Add((codeText, line));
            }

            if (!Synthetic && reader.GetFieldSpan(c[6]).Trim().Equals(SyntheticSource, StringComparison.OrdinalIgnoreCase))
            {
                Synthetic = true;
            }

            var idText = id.ToString();
            _byId[idText] = Ids.Count;
            Ids.Add(idText);
            LonE7.Add((int)Math.Round(x / MercatorRadius * (180 / Math.PI) * 1e7));
            LatE7.Add((int)Math.Round((2 * Math.Atan(Math.Exp(y / MercatorRadius)) - Math.PI / 2) * (180 / Math.PI) * 1e7));
            Commune.Add(commune);
            Premises.Add(premises);
            Addresses.Add(Address(reader, c));
        }

        private readonly StringBuilder _address = new(128);

        private string Address(CsvDataReader reader, int[] c)
        {
            var builder = _address.Clear();
            var number = reader.GetFieldSpan(c[10]).Trim();
            var rep = reader.GetFieldSpan(c[11]).Trim();
            var street = reader.GetFieldSpan(c[12]).Trim();
            var place = reader.GetFieldSpan(c[13]).Trim();
            if (!number.IsEmpty)
            {
                builder.Append(number);
                if (!rep.IsEmpty)
                {
                    builder.Append(' ').Append(rep);
                }

                builder.Append(' ');
            }

            builder.Append(street);
            if (!place.IsEmpty)
            {
                builder.Append(street.IsEmpty ? "" : ", ").Append(place);
            }

            var town = reader.GetFieldSpan(c[15]).Trim();
            if (!town.IsEmpty)
            {
                builder.Append(builder.Length > 0 ? ", " : "").Append(town);
            }

            return builder.ToString();
        }

        private static bool TryCoordinate(ReadOnlySpan<char> text, out double value)
        {
            text = text.Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                // Semicolon-separated French exports write a decimal comma.
                Span<char> copy = stackalloc char[Math.Min(text.Length, 64)];
                if (text.Length > 64 || text.IndexOf(',') < 0)
                {
                    return false;
                }

                text.CopyTo(copy);
                copy.Replace(',', '.');
                if (!double.TryParse(copy, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    return false;
                }
            }

            return double.IsFinite(value) && Math.Abs(value) <= MercatorLimit * 1.001;
        }
    }

    /// <summary>Hashes the bytes as they are read, so each file is read once.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public bool ReachedEnd { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            Track(buffer[..read]);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Track(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Track(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                ReachedEnd = true;
            }

            hash.AppendData(bytes);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
