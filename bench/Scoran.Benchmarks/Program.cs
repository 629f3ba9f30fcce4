using Scoran.Benchmarks;
using Scoran.Data;

// dotnet run -c Release --project bench/Scoran.Benchmarks -- search [--keep] [BenchmarkDotNet options, e.g. --filter *]
// dotnet run -c Release --project bench/Scoran.Benchmarks -- import [--runs 3] [--engine sqlite|postgres]
// dotnet run -c Release --project bench/Scoran.Benchmarks -- explain   (SQL sent by each search and its duration)
// dotnet run -c Release --project bench/Scoran.Benchmarks -- eligibility-generate --buildings 20000000 [--out DIR] [--seed N]
// dotnet run -c Release --project bench/Scoran.Benchmarks -- eligibility [--buildings N] [--out DIR] [--seconds S] [--rates 1000,2000,5000] ...
// dotnet run -c Release --project bench/Scoran.Benchmarks -- measurements [--sizes 100000,1000000] [--runs 3] [--engine sqlite|postgres] [--keep] [--after-only]
// PostgreSQL is measured too when SCORAN_TEST_POSTGRES holds a server connection string.
var mode = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "search";
var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;

switch (mode)
{
    case "search":
    {
        var keep = rest.Contains("--keep");
        return await SearchMode.RunAsync(keep, rest.Where(a => a != "--keep").ToArray());
    }

    case "import":
    {
        var runs = 3;
        var engines = BenchDatabase.Providers().ToList();
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--runs" when i + 1 < rest.Length && int.TryParse(rest[i + 1], out var n) && n > 0:
                    runs = n;
                    i++;
                    break;
                case "--engine" when i + 1 < rest.Length && Enum.TryParse<DatabaseProvider>(rest[i + 1], ignoreCase: true, out var engine):
                    if (engine == DatabaseProvider.Postgres && !BenchDatabase.PostgresAvailable)
                    {
                        Console.Error.WriteLine($"--engine postgres needs {BenchDatabase.PostgresVariable}");
                        return 2;
                    }

                    engines = [engine];
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {rest[i]} (import [--runs N] [--engine sqlite|postgres])");
                    return 2;
            }
        }

        return await ImportMode.RunAsync(runs, engines);
    }

    case "eligibility-generate":
        return Scoran.Benchmarks.Eligibility.EligibilityCommands.Generate(rest);

    case "eligibility":
        return await Scoran.Benchmarks.Eligibility.EligibilityCommands.RunAsync(rest);

    case "eligibility-serve" when rest.Length == 1:
        return await Scoran.Benchmarks.Eligibility.ScoranEligibilitySystem.ServeAsync(rest[0]);

    case "eligibility-load":
        return await Scoran.Benchmarks.Eligibility.EligibilityCommands.LoadAsync(rest);

    case "measurements":
        return await Scoran.Benchmarks.Measurements.MeasurementsMode.RunAsync(rest);

    case "explain":
        return await ExplainMode.RunAsync();

    default:
        Console.Error.WriteLine("usage: Scoran.Benchmarks [search [--keep] [BenchmarkDotNet options] | import [--runs N] [--engine sqlite|postgres] | explain | measurements [--sizes N,N] [--runs N] [--engine E] [--keep] | eligibility-generate | eligibility | eligibility-load]");
        return 2;
}
