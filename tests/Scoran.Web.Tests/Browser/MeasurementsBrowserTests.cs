using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scoran.Data;
using Scoran.Testing;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// A resident measures the network on a phone in Dijon and sees the measurement counted in the
/// commune. On a database of its own, with k lowered to 1 so one person's measurements show.
/// </summary>
public sealed partial class MeasurementsBrowserTests
{
    [GeneratedRegex("Mesure enregistrée dans la commune de Dijon \\(21231\\)")]
    private static partial Regex StoredInDijon();

    [Fact]
    public async Task Submit_a_measurement_from_the_phone_page_and_see_it_counted_in_its_commune()
    {
        await using var database = await MeasurementsTestData.CreateAsync(DatabaseProvider.Sqlite, "measbrowser");
        await using var factory = new ScoranAppFactory(database.Storage, new Dictionary<string, string> { ["Scoran:Measurements:MinimumContributors"] = "1" });
        factory.UseKestrel(0);
        factory.StartServer();
        var browser = await ChromiumFixture.SharedBrowserAsync();
        // A phone-sized screen whose GPS says: Place de la Libération, Dijon.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = factory.ClientOptions.BaseAddress.ToString(),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Geolocation = new Geolocation { Latitude = 47.3215f, Longitude = 5.0415f, Accuracy = 15 },
            Permissions = ["geolocation"],
        });
        var page = await context.WithBusyMachineTimeouts().NewPageAsync();
        try
        {
            await page.GotoAsync("/observatoire/mesures/departement/21");
            await Assertions.Expect(page.GetByTestId("no-measurements")).ToBeVisibleAsync();

            await page.GotoAsync("/observatoire/mesures/contribuer");
            // A clear error first: a signal strength out of range.
            await page.GetByRole(AriaRole.Button, new() { Name = "Utiliser ma position" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Latitude (degrés)")).ToHaveValueAsync("47.321500");
            await page.GetByLabel("Opérateur").SelectOptionAsync("20801");
            await page.GetByLabel("Technologie").SelectOptionAsync("4G");
            await page.GetByLabel("Puissance reçue RSRP (dBm, de −156 à −31)").FillAsync("-20");
            await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la mesure" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("measurement-errors")).ToContainTextAsync("RSRP : Valeur hors plage : attendu entre -156 et -31 dBm.");

            await page.GetByLabel("Puissance reçue RSRP (dBm, de −156 à −31)").FillAsync("-97");
            await page.GetByLabel("Débit descendant (Mbit/s)").FillAsync("23,5");
            await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la mesure" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("measurement-stored")).ToHaveTextAsync(StoredInDijon());
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "mesures-contribuer.png"), FullPage = true });

            await page.GetByRole(AriaRole.Link, new() { Name = "Voir les mesures par commune" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("count-21231")).ToHaveTextAsync("1");

            // A second measurement from the same phone: the commune now counts two.
            await page.GotoAsync("/observatoire/mesures/contribuer");
            await page.GetByRole(AriaRole.Button, new() { Name = "Utiliser ma position" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Longitude (degrés)")).ToHaveValueAsync("5.041500");
            await page.GetByLabel("Opérateur").SelectOptionAsync("20815");
            await page.GetByLabel("Technologie").SelectOptionAsync("5G");
            await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la mesure" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("measurement-stored")).ToHaveTextAsync(StoredInDijon());
            await page.GotoAsync("/observatoire/mesures/departement/21");
            await Assertions.Expect(page.GetByTestId("count-21231")).ToHaveTextAsync("2");
            await Assertions.Expect(page.GetByTestId("measurement-communes")).ToContainTextAsync("Free Mobile");
            await Assertions.Expect(page.GetByTestId("measurement-communes")).Not.ToContainTextAsync("47.32");
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "mesures-commune.png"), FullPage = true });
            await context.CloseAsync();
        }
    }
}
