using System.Diagnostics;
using Scoran.Testing;

namespace Scoran.Cli.Tests;

/// <summary>Runs the built <c>scoran</c> program as a user would, and captures what it prints.</summary>
internal static class ScoranProgram
{
    public sealed record Result(int ExitCode, string Output, string Error);

    // The CLI is built in the same configuration as this test assembly (bin/Debug or bin/Release).
    private static readonly string Dll = Path.Combine(SharedData.RepositoryRoot, "src", "Scoran.Cli", "bin",
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "scoran.dll");

    public static Task<Result> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables; standard input is empty, as in a script.</summary>
    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = SharedData.RepositoryRoot };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The tests say which database to use; nothing from the caller's environment may redirect them.
        start.Environment.Remove("ConnectionStrings__Scoran");
        start.Environment.Remove("Scoran__Database__Provider");
        start.Environment.Remove("SCORAN_PASSWORD");
        // The program reads the run's clock, at the instant the test has reached.
        start.Environment["Scoran__Clock__Start"] = TestClock.Setting().Value;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Result(process.ExitCode, await output, await error);
    }
}
