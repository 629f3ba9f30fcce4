using System.Diagnostics;
using System.Text;
using System.Text.Json;
using static Scoran.Benchmarks.Eligibility.EligibilityFormat;

namespace Scoran.Benchmarks.Eligibility;

/// <summary>What a generation produced, kept beside the files (manifest.json) so a later run can reuse them.</summary>
public sealed record GenerationManifest(
    int Version,
    ulong Seed,
    long Buildings,
    long Premises,
    long EligibilityRows,
    int Communes,
    long Queries,
    long BuildingsBytes,
    long EligibilityBytes,
    double Seconds);

/// <summary>
/// Writes a national building base and its eligibility file in Arcep's format (c), streaming:
/// buildings are spread over the real communes in proportion to their population, placed around
/// the commune's centre (<see cref="CommunePlacement"/>), with mostly one premises each and a long
/// tail of blocks of flats, and one to four technologies each with plausible classes (fibre more
/// likely in towns, 4G fixe and THD radio in the countryside). Every draw comes from a
/// <see cref="SplitMix64"/> seeded by the seed and the commune code, so the same arguments give
/// byte-identical files. A third file holds query points for the lookups (98 % within 30 m of a
/// generated building, 2 % anywhere on metropolitan France's land, where the nearest building may be
/// kilometres away).
/// </summary>
public static class EligibilityGenerator
{
    public const int FormatVersion = 2;

    private static readonly string[] StreetNames =
    [
        "Rue de la République", "Grande Rue", "Rue de l'Église", "Place de la Mairie", "Chemin des Vignes", "Route de la Forêt",
        "Allée des Châtaigniers", "Impasse du Moulin", "Rue Victor Hugo", "Avenue Jean Jaurès", "Rue du Général de Gaulle",
        "Chemin de la Fontaine", "Rue des Écoles", "Rue Pasteur", "Boulevard Gambetta", "Rue du Château", "Rue des Prés",
        "Route Nationale", "Rue de la Gare", "Chemin des Érables", "Rue Émile Zola", "Quai des Bateliers", "Rue du Stade",
        "Cours Lafayette", "Rue des Jardins", "Chemin du Bois", "Rue Saint-Martin", "Place du Marché", "Rue de Bourgogne",
        "Sentier des Écureuils",
    ];

    private static readonly byte[][] StreetNamesUtf8 = [.. StreetNames.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] ClassesUtf8 = [.. Classes.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] TechnologiesUtf8 = [.. Technologies.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[] ImbPrefix = "IMB/"u8.ToArray();
    private static readonly byte[] Ban = "ban"u8.ToArray();
    private static readonly byte[] FoSource = "fo"u8.ToArray();
    private static readonly byte[] Cadastre = "cada"u8.ToArray();
    private static readonly byte[] Flats = "imm"u8.ToArray();
    private static readonly byte[] House = "pav"u8.ToArray();

    public static GenerationManifest? ReadManifest(string folder)
    {
        var path = Path.Combine(folder, ManifestFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<GenerationManifest>(File.ReadAllText(path)) : null;
    }

    public static GenerationManifest Generate(string folder, long buildings, ulong seed, long queries, TextWriter log)
    {
        Directory.CreateDirectory(folder);
        var stopwatch = Stopwatch.StartNew();
        var communes = CommunePlacement.Load(seed);
        var counts = Allocate(communes, buildings, seed);
        log.WriteLine($"generate: {buildings:N0} buildings over {communes.Count(c => counts[c.Code] > 0):N0} communes (placement {stopwatch.Elapsed.TotalSeconds:F1} s)");

        long premises = 0, eligibilityRows = 0, index = 0, queryCount = 0;
        var queryChance = Math.Min(1.0, queries / (double)buildings);
        var picker = new SplitMix64(seed ^ 0x5157_4552_5953UL);
        var anywhere = CommunePlacement.MetropolitanSampler(seed ^ 0xF4A7UL);
        Span<int> technologies = stackalloc int[4];
        Span<int> classes = stackalloc int[4];

        using (var building = new Utf8CsvWriter(Path.Combine(folder, BuildingsFile)))
        using (var eligibility = new Utf8CsvWriter(Path.Combine(folder, EligibilityFile)))
        using (var query = new Utf8CsvWriter(Path.Combine(folder, QueriesFile)))
        {
            building.Header(BuildingColumns);
            eligibility.Header(EligibilityColumns);
            query.Header(["latitude", "longitude"]);
            var nextReport = 1_000_000L;
            foreach (var commune in communes)
            {
                var random = new SplitMix64(SplitMix64.Hash(seed, commune.Code) ^ 0xB17DUL);
                var streets = 10 + commune.Population / 40;
                for (var n = counts[commune.Code]; n > 0; n--, index++)
                {
                    var (lat, lon) = CommunePlacement.Around(commune.CentreLatitude, commune.CentreLongitude, commune.RadiusMetres, ref random);
                    var logloc = Premises(commune, ref random);
                    premises += logloc;
                    var street = random.Next(streets);
                    var number = 1 + random.Next(random.NextDouble() < 0.8 ? 60 : 400);
                    var sourceDraw = random.NextDouble();
                    var source = sourceDraw < 0.85 ? Ban : sourceDraw < 0.95 ? FoSource : Cadastre;

                    // imb_id: IMB/<insee>/X/<sequence in base 36>, the shape of Arcep's identifiers.
                    building.Field(ImbPrefix);
                    building.Append(commune.CodeUtf8);
                    building.Append("/X/"u8);
                    AppendBase36(building, index);
                    building.Field(WebMercator.X(lon), "F2");
                    building.Field(WebMercator.Y(lat), "F2");
                    if (source == FoSource)
                    {
                        building.Field("F"u8);
                        building.Append(index, "D9");
                    }
                    else
                    {
                        building.EmptyField();
                    }

                    building.Field(commune.CodeUtf8);
                    building.Field(logloc);
                    building.Field(source);
                    building.Field(logloc > 2 || (logloc == 2 && random.NextDouble() < 0.5) ? Flats : House);
                    // addr_code: the BAN interoperability key <insee>_<street>_<number>.
                    building.Field(commune.CodeUtf8);
                    building.Append("_"u8);
                    building.Append(street, "x4");
                    building.Append("_"u8);
                    building.Append(number, "D5");
                    building.EmptyField();
                    building.Field(number);
                    var rep = random.NextDouble();
                    building.Field(rep < 0.95 ? ""u8 : rep < 0.98 ? "bis"u8 : "ter"u8);
                    var name = StreetNamesUtf8[street % StreetNamesUtf8.Length];
                    building.Field(name);
                    if (street >= StreetNamesUtf8.Length)
                    {
                        building.Append(" "u8);
                        building.Append(street / StreetNamesUtf8.Length + 1, "D");
                    }

                    building.EmptyField();
                    building.Field(commune.CodeUtf8);
                    building.Field(commune.NameUtf8);
                    building.Field(commune.CodeUtf8);
                    building.Append("_"u8);
                    building.Append(street, "D4");
                    building.Field(Ban);
                    building.EndRow();

                    var count = DrawTechnologies(commune, ref random, technologies, classes);
                    for (var t = 0; t < count; t++)
                    {
                        eligibility.Field(ImbPrefix);
                        eligibility.Append(commune.CodeUtf8);
                        eligibility.Append("/X/"u8);
                        AppendBase36(eligibility, index);
                        eligibility.Field(commune.CodeUtf8);
                        eligibility.Append("_"u8);
                        eligibility.Append(street, "x4");
                        eligibility.Append("_"u8);
                        eligibility.Append(number, "D5");
                        eligibility.EmptyField();
                        eligibility.Field(TechnologiesUtf8[technologies[t]]);
                        eligibility.Field(ClassesUtf8[Upload(technologies[t], classes[t])]);
                        eligibility.Field(ClassesUtf8[classes[t]]);
                        eligibility.Field(random.NextDouble() < 0.01 ? "1"u8 : "0"u8);
                        eligibility.Field(random.NextDouble() < 0.005 ? "1"u8 : "0"u8);
                        eligibility.EndRow();
                    }

                    eligibilityRows += count;
                    if (picker.NextDouble() < queryChance)
                    {
                        // Someone typing an address near a building, a few metres off its point.
                        var (qlat, qlon) = picker.NextDouble() < 0.98
                            ? CommunePlacement.Around(lat, lon, 30, ref picker)
                            : anywhere();
                        query.Field(qlat, "F6");
                        query.Field(qlon, "F6");
                        query.EndRow();
                        queryCount++;
                    }

                    if (index + 1 == nextReport)
                    {
                        log.WriteLine($"generate: {index + 1:N0} buildings, {eligibilityRows:N0} eligibility rows, {(index + 1) / stopwatch.Elapsed.TotalSeconds:N0} buildings/s");
                        nextReport += 1_000_000;
                    }
                }
            }
        }

        var manifest = new GenerationManifest(
            FormatVersion, seed, index, premises, eligibilityRows, communes.Count(c => counts[c.Code] > 0), queryCount,
            new FileInfo(Path.Combine(folder, BuildingsFile)).Length, new FileInfo(Path.Combine(folder, EligibilityFile)).Length,
            stopwatch.Elapsed.TotalSeconds);
        File.WriteAllText(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
        log.WriteLine($"generate: done in {manifest.Seconds:F1} s — {manifest.Buildings:N0} buildings ({manifest.BuildingsBytes / 1e9:F2} GB), " +
                      $"{manifest.EligibilityRows:N0} eligibility rows ({manifest.EligibilityBytes / 1e9:F2} GB), {manifest.Premises:N0} premises, {manifest.Queries:N0} query points");
        return manifest;
    }

    /// <summary>Largest remainder, so the counts add up to exactly <paramref name="total"/>.</summary>
    private static Dictionary<string, long> Allocate(IReadOnlyList<GeneratedCommune> communes, long total, ulong seed)
    {
        var population = communes.Sum(c => (double)c.Population);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var remainders = new List<(double Remainder, ulong Tie, string Code)>();
        long allocated = 0;
        foreach (var commune in communes)
        {
            var exact = total * commune.Population / population;
            var whole = (long)Math.Floor(exact);
            counts[commune.Code] = whole;
            allocated += whole;
            remainders.Add((exact - whole, SplitMix64.Hash(seed, commune.Code), commune.Code));
        }

        foreach (var (_, _, code) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Tie).Take((int)(total - allocated)))
        {
            counts[code]++;
        }

        return counts;
    }

    /// <summary>Mostly houses with one premises; blocks of flats more frequent in towns, Pareto-tailed up to 400.</summary>
    private static int Premises(GeneratedCommune commune, ref SplitMix64 random)
    {
        if (random.NextDouble() >= 0.03 + 0.20 * commune.Urban)
        {
            return random.NextDouble() < 0.92 ? 1 : 2;
        }

        var flats = 2 + (int)(3 * Math.Pow(1 - random.NextDouble(), -1 / 1.4));
        return Math.Min(flats, 400);
    }

    /// <summary>One to four technologies, in the order FO, CU, COAX, 4GF, THDR, WMX, SAT; satellite when nothing else.</summary>
    private static int DrawTechnologies(GeneratedCommune commune, ref SplitMix64 random, Span<int> technologies, Span<int> classes)
    {
        var count = 0;
        var urban = commune.Urban;
        Add(ref random, EligibilityFormat.Fo, 0.40 + 0.55 * urban, technologies, classes, ref count);
        Add(ref random, Cu, 0.93, technologies, classes, ref count);
        Add(ref random, Coax, 0.15 * urban * urban, technologies, classes, ref count);
        Add(ref random, FourGf, 0.05 + 0.35 * (1 - urban), technologies, classes, ref count);
        Add(ref random, Thdr, 0.06 * (1 - urban), technologies, classes, ref count);
        Add(ref random, Wmx, 0.01, technologies, classes, ref count);
        Add(ref random, Sat, count == 0 ? 1.0 : 0.25, technologies, classes, ref count);
        return count;

        static void Add(ref SplitMix64 random, int technology, double chance, Span<int> technologies, Span<int> classes, ref int count)
        {
            if (count == technologies.Length || random.NextDouble() >= chance)
            {
                return;
            }

            var draw = random.NextDouble();
            technologies[count] = technology;
            classes[count] = technology switch
            {
                EligibilityFormat.Fo => draw < 0.75 ? Thd1G : Thd100,
                Coax => draw < 0.6 ? Thd1G : Thd100,
                Cu => draw < 0.02 ? Inel : draw < 0.07 ? Hd05 : draw < 0.20 ? Hd3 : draw < 0.50 ? Bhd8 : draw < 0.85 ? Thd30 : Thd100,
                FourGf => draw < 0.4 ? Bhd8 : Thd30,
                Thdr => draw < 0.8 ? Thd30 : Thd100,
                Wmx => draw < 0.5 ? Hd3 : Bhd8,
                _ => draw < 0.3 ? Bhd8 : Thd30,
            };
            count++;
        }
    }

    /// <summary>Upload class: symmetric for fibre at 1 Gbit/s or less, a few steps below for the others.</summary>
    private static int Upload(int technology, int download) => technology switch
    {
        EligibilityFormat.Fo => Thd100,
        Coax => Bhd8,
        Cu => Math.Min(download, Hd05),
        _ => Math.Max(Inel, download - 2),
    };

    private static void AppendBase36(Utf8CsvWriter writer, long value)
    {
        Span<byte> digits = stackalloc byte[13];
        var position = digits.Length;
        do
        {
            var digit = (int)(value % 36);
            digits[--position] = (byte)(digit < 10 ? '0' + digit : 'A' + digit - 10);
            value /= 36;
        }
        while (value > 0);

        // At least six digits, as in Arcep's files.
        while (digits.Length - position < 6)
        {
            digits[--position] = (byte)'0';
        }

        writer.Append(digits[position..]);
    }
}
