using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;

namespace Scoran.Testing;

/// <summary>The real web application over a given test database.</summary>
public sealed class ScoranAppFactory(StorageOptions storage, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Scoran:Database:Provider", storage.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Scoran", storage.ConnectionString);
        builder.UseSetting("Scoran:Logging:Json", "false");
        builder.UseSetting("Scoran:MigrateOnStart", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // A factory derived with WithWebHostBuilder loses UseKestrel(0)'s port and Kestrel falls back to
        // 127.0.0.1:5000: two such hosts alive at once (parallel test classes) then fail with "address
        // already in use". Any free loopback port instead; the factory reads back the one bound.
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        // The scheduled retention purge would otherwise fire one minute into any long-lived test host,
        // against databases that may lack the measurement tables; purge tests switch it back on.
        builder.UseSetting("Scoran:Measurements:PurgeInterval", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        // The run's clock, not the calendar: a test host sees the same day as the test that drives it.
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(TestClock.Instance);
            // Hundreds of test accounts are created and signed in: the production work factor (100,000 PBKDF2
            // iterations) is there to slow attackers, not to test anything; the hashing code path is the same.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }
}
