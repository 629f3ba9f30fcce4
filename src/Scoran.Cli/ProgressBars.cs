using Scoran.Core.Imports;
using Spectre.Console;

namespace Scoran.Cli;

/// <summary>One Spectre.Console progress bar per import stage.</summary>
internal static class ProgressBars
{
    public static async Task<T> RunAsync<T>(Func<IProgress<ImportProgress>, Task<T>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Not a terminal (CI, pipe): print each stage once it is done rather than redraw a bar.
            var done = new HashSet<string>();
            return await work(new SynchronousProgress(p =>
            {
                if (p.Done >= p.Total && done.Add(p.Stage))
                {
                    Console.Error.WriteLine($"{p.Stage} : {p.Done}/{p.Total}");
                }
            }));
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new SynchronousProgress(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        tasks[p.Stage] = task = context.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                    }

                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                var result = await work(progress);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }

                return result;
            });
    }

    // Progress<T> posts to the thread pool; the bar must see updates in order.
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
