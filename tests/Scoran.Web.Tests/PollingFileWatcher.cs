using System.Runtime.CompilerServices;

namespace Scoran.Web.Tests;

/// <summary>
/// Every test host's configuration files and static-file versions are watched through inotify, and
/// Linux allows 128 inotify instances per user by default: with a few dozen WebApplicationFactory and
/// Kestrel hosts alive across parallel test classes, hosts failed to start ("user limit (128) on the
/// number of inotify instances"). Polling watchers use no inotify instance; the tests never edit files
/// under a running host, so nothing depends on change notifications.
/// </summary>
internal static class PollingFileWatcher
{
    [ModuleInitializer]
    internal static void UsePolling() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
}
