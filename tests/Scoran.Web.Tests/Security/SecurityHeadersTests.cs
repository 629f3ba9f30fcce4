using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Testing;
using Scoran.Web.Security;

namespace Scoran.Web.Tests.Security;

/// <summary>
/// Security review F14 (headers, proxy), F15 (cross-site API writes) and F9 (per-address concurrency limit on heavy pages).
/// </summary>
public abstract class SecurityHeadersTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task F14_pages_api_downloads_and_error_pages_carry_the_security_headers_and_no_server_header()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "sechead");
        await using var factory = new ScoranAppFactory(database.Storage);
        factory.UseKestrel(0);
        factory.StartServer();
        var client = factory.CreateClient();

        foreach (var (url, status) in new[]
                 {
                     ("/", HttpStatusCode.OK), ("/api/territories/search?q=dijon", HttpStatusCode.OK),
                     ("/api/resources/agenda.ics", HttpStatusCode.OK), ("/nulle-part-introuvable", HttpStatusCode.NotFound),
                     ("/api/resources/documents/999999", HttpStatusCode.NotFound), ("/compte/connexion", HttpStatusCode.OK),
                 })
        {
            var response = await client.GetAsync(url, Token);
            Assert.Equal(status, response.StatusCode);
            string Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
                : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : "";
            Assert.Equal("nosniff", Header("X-Content-Type-Options"));
            Assert.Equal("DENY", Header("X-Frame-Options"));
            Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
            Assert.Contains("geolocation=(self)", Header("Permissions-Policy"));
            Assert.Contains("camera=()", Header("Permissions-Policy"));
            var csp = Header("Content-Security-Policy");
            foreach (var directive in new[] { "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'" })
            {
                Assert.Contains(directive, csp);
            }

            Assert.Equal("", Header("Server"));
            // Plain http (`./scoran.sh run`): no HSTS.
            Assert.Equal("", Header("Strict-Transport-Security"));
            if (url.EndsWith(".ics", StringComparison.Ordinal))
            {
                // A download (the iCal feed), with the same headers as pages.
                Assert.Contains("agenda-scoran.ics", Header("Content-Disposition"));
            }

            if (url == "/compte/connexion")
            {
                Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public async Task F14_https_through_a_configured_proxy_gets_hsts_and_secure_cookies_but_an_unknown_proxy_is_ignored()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "sechsts");

        async Task<HttpResponseMessage> GetAsync(ScoranAppFactory factory)
        {
            factory.UseKestrel(0);
            factory.StartServer();
            var client = factory.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/compte/connexion");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            return await client.SendAsync(request, Token);
        }

        await using (var untrusted = new ScoranAppFactory(database.Storage))
        {
            var response = await GetAsync(untrusted);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
            Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        }

        await using (var trusted = new ScoranAppFactory(database.Storage, new Dictionary<string, string> { [SecurityHeaders.KnownProxiesSetting] = "127.0.0.1, ::1" }))
        {
            var response = await GetAsync(trusted);
            Assert.StartsWith("max-age=", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
            Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task F15_a_cross_site_api_write_is_refused_and_same_origin_or_non_browser_writes_go_through()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "seccsrf");
        await using var factory = new ScoranAppFactory(database.Storage);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        const string url = "/api/funding/schemes/ue-wifi4eu/archive";

        async Task<HttpResponseMessage> PostAsync(params (string Name, string Value)[] headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["a"] = "1" }) };
            foreach (var (name, value) in headers)
            {
                request.Headers.Add(name, value);
            }

            return await client.SendAsync(request, Token);
        }

        // The report's replay: a form-encoded POST from another site.
        foreach (var headers in new[]
                 {
                     new[] { ("Origin", "http://evil.example") },
                     new[] { ("Origin", "http://evil.example"), ("Sec-Fetch-Site", "same-site") },
                     new[] { ("Sec-Fetch-Site", "cross-site") },
                     new[] { ("Origin", "null") },
                 })
        {
            var refused = await PostAsync(headers);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Token);
            Assert.Contains("autre site", problem.GetProperty("detail").GetString());
        }

        // Same origin, or a program sending neither header: the request reaches authorization (anonymous: 401).
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(("Sec-Fetch-Site", "same-origin"), ("Origin", "http://localhost"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(("Origin", "http://localhost"))).StatusCode);
        // Reads are not concerned.
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/territories/search?q=dijon");
        read.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(read, Token)).StatusCode);
    }

    [Fact]
    public async Task F9_heavy_public_pages_are_bound_to_a_per_address_concurrency_limit_that_answers_503_in_french()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "secheavy");
        await using var factory = new ScoranAppFactory(database.Storage);
        _ = factory.CreateClient();

        // Bound to the page endpoints themselves (not to a path string).
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        foreach (var page in new[] { "/Observatory/Index", "/Observatory/Commitments", "/Territories/Details" })
        {
            var endpoint = Assert.Single(endpoints, e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()?.ViewEnginePath == page);
            Assert.Equal(HeavyPageLimit.Policy, endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
        }

        // Default: 8 at once and 8 waiting per address; beyond, refused; another address is not affected.
        var policy = new HeavyPageLimit(new ConfigurationBuilder().Build());
        HttpContext From(string address) => new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };
        var partition = policy.GetPartition(From("203.0.113.7"));
        var limiter = partition.Factory(partition.PartitionKey);
        var held = Enumerable.Range(0, 8).Select(_ => limiter.AttemptAcquire()).ToList();
        Assert.All(held, l => Assert.True(l.IsAcquired));
        var waiting = Enumerable.Range(0, 8).Select(_ => limiter.AcquireAsync(cancellationToken: Token)).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        var beyond = await limiter.AcquireAsync(cancellationToken: Token);
        Assert.False(beyond.IsAcquired);
        held[0].Dispose();
        Assert.True((await waiting[0]).IsAcquired);
        Assert.NotEqual(partition.PartitionKey, policy.GetPartition(From("203.0.113.8")).PartitionKey);

        var rejected = From("203.0.113.7");
        rejected.RequestServices = factory.Services;
        rejected.Response.Body = new MemoryStream();
        await policy.OnRejected!(new Microsoft.AspNetCore.RateLimiting.OnRejectedContext { HttpContext = rejected, Lease = beyond }, Token);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, rejected.Response.StatusCode);
        rejected.Response.Body.Position = 0;
        Assert.Contains("Trop de consultations simultanées", await new StreamReader(rejected.Response.Body).ReadToEndAsync(Token));
    }
}

public sealed class SqliteSecurityHeadersTests() : SecurityHeadersTests(DatabaseProvider.Sqlite);

public sealed class PostgresSecurityHeadersTests() : SecurityHeadersTests(DatabaseProvider.Postgres);
