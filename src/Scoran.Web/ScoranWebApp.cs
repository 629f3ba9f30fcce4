using System.Text.Json.Serialization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.ResponseCompression;
using Scoran.Accounts;
using Scoran.Core;
using Scoran.Data;
using Scoran.Observatory;
using Scoran.Steering;
using Scoran.Resources;
using Scoran.Funding;
using Scoran.Territories;
using Scoran.Web.Accounts;
using Scoran.Web.Funding;
using Scoran.Web.Observatory;
using Scoran.Web.Observatory.Measurements;
using Scoran.Web.Observatory.Mobile;
using Scoran.Web.Resources;
using Scoran.Web.Resources.Places;
using Scoran.Web.Steering;
using Scoran.Web.Territories;

namespace Scoran.Web;

/// <summary>
/// Builds the web application. Kept apart from Program.cs so that the CLI (<c>scoran serve</c>)
/// and the tests host exactly the same application.
/// </summary>
public static class ScoranWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Razor Pages are compiled into this assembly, whichever program hosts it.
            ApplicationName = typeof(ScoranWebApp).Assembly.GetName().Name,
            WebRootPath = LocateWebRoot(),
        });
        configure?.Invoke(builder);
        AddDefaultSettingsBesideBinaries(builder);

        if (builder.Configuration.GetValue("Scoran:Logging:Json", !builder.Environment.IsDevelopment()))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        var storage = DataModule.ReadStorageOptions(builder.Configuration);
        builder.Services.AddScoranData(storage);
        builder.Services.AddSingleton(Scoran.Core.ScoranClock.FromSetting(builder.Configuration[Scoran.Core.ScoranClock.StartSetting]));
        builder.Services.AddTerritories();
        builder.Services.AddObservatory();
        builder.Services.AddSteering();
        builder.Services.AddSingleton<MinutesPdf>();
        builder.Services.AddResources();
        builder.Services.AddFunding();
        builder.Services.Configure<ScoranWebOptions>(builder.Configuration.GetSection(ScoranWebOptions.Section));

        AccountsSetup.AddSignIn(builder);
        MeasurementsApi.AddMeasurements(builder);
        Security.SecurityLimits.AddSecurityLimits(builder);
        Security.HeavyPageLimit.AddHeavyPageLimit(builder);
        Security.SecurityHeaders.AddSecurityHeaders(builder);
        builder.Services.AddRazorPages(o =>
            {
                // Pages live in their capability's folder (Observatory/, Funding/…) beside its
                // endpoints, not under Pages/: page names stay "/Observatory/Index" and so on.
                o.RootDirectory = "/";
                o.Conventions.AuthorizeFolder("/Admin", ScoranPolicies.ManageData);
                o.Conventions.AuthorizePage("/Admin/Accounts", ScoranPolicies.ManageAccounts);
            })
            .AddApplicationPart(typeof(ScoranWebApp).Assembly);
        // French pages: emit accented letters as they are rather than as numeric entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Security.BadHttpRequestExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Scoran API";
            document.Info.Description = "API de la plateforme régionale Scoran : territoires (régions, départements, EPCI, communes), contours GeoJSON, provenance des données.";
            return Task.CompletedTask;
        }));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "application/problem+json"]);
        });
        builder.Services.AddMemoryCache();

        var app = builder.Build();
        MigrateIfAsked(app, storage);

        // First: the client's address and scheme (trusted proxies only), then the headers of every answer.
        Security.SecurityHeaders.UseSecurityHeaders(app);
        app.UseResponseCompression();
        // The API answers errors in problem+json; people get the French error page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler("/erreur/500");
            pages.UseStatusCodePagesWithReExecute("/erreur/{0}");
        });
        Security.CrossSiteApiWrites.UseCrossSiteApiWriteCheck(app);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        // Liveness only: answers while the process runs, even if the database is down.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapTerritoriesApi();
        app.MapSourcesApi();
        app.MapObservatoryApi();
        app.MapCommitmentsApi();
        app.MapDebitsApi();
        app.MapEligibilityApi();
        app.MapCatalogApi();
        app.MapSteeringApi();
        app.MapFundingApi();
        app.MapResourcesPlacesApi();
        app.MapResourcesApi();
        app.MapMobileApi();
        app.MapMeasurementsApi();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// When hosted from another folder (<c>scoran serve</c> run from the clone's root), the
    /// content root holds no appsettings.json: read the one copied beside the binaries, first,
    /// so environment variables and command-line options still override it.
    /// </summary>
    private static void AddDefaultSettingsBesideBinaries(WebApplicationBuilder builder)
    {
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
        {
            return;
        }

        var defaults = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{builder.Environment.EnvironmentName}.json", optional: true)
            .Build();
        builder.Configuration.Sources.Insert(0, new ChainedConfigurationSource { Configuration = defaults, ShouldDisposeConfiguration = true });
    }

    private static void MigrateIfAsked(WebApplication app, StorageOptions storage)
    {
        var options = app.Configuration.GetSection(ScoranWebOptions.Section).Get<ScoranWebOptions>() ?? new ScoranWebOptions();
        if (!(options.MigrateOnStart ?? storage.Provider == DatabaseProvider.Sqlite))
        {
            return;
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        db.MigrateAsync().GetAwaiter().GetResult();
    }

    /// <summary>
    /// The wwwroot folder: next to the binaries when published, else in the source tree, so that
    /// <c>scoran serve</c> run from any folder of a clone finds the pages' assets.
    /// </summary>
    private static string? LocateWebRoot()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(Path.Combine(beside, "css")))
        {
            return beside;
        }

        var root = RepositoryLayout.FindRoot(AppContext.BaseDirectory);
        var source = root is null ? null : Path.Combine(root, "src", "Scoran.Web", "wwwroot");
        return Directory.Exists(source) ? source : null;
    }
}
