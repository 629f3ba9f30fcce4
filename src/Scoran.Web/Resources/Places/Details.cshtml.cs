using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Core.Imports;
using Scoran.Resources.Places;
using Scoran.Web.Shared;

namespace Scoran.Web.Resources.Places;

/// <summary>One place: address, hours (with « ouvert maintenant » in French time), services, labels, accessibility and where the record came from.</summary>
public sealed class DetailsModel(PlaceQueries queries, Microsoft.EntityFrameworkCore.DbContext db, TimeProvider clock, IOptions<ScoranWebOptions> options) : PageModel
{
    public InclusionPlace Place { get; private set; } = null!;
    public OpeningHours? Hours { get; private set; }
    public bool? OpenNow { get; private set; }
    public DatasetImport? Provenance { get; private set; }
    public MapModel Map { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var place = await queries.GetAsync(id, cancellationToken);
        if (place is null)
        {
            return NotFound();
        }

        Place = place;
        if (OpeningHours.TryParse(place.OpeningHours, out var hours, out _))
        {
            Hours = hours;
            OpenNow = hours!.IsOpen(PlacesPage.ParisNow(clock));
        }

        Provenance = await db.Set<DatasetImport>().FindAsync([place.DatasetImportId], cancellationToken);
        var region = options.Value.DefaultRegion;
        Map = new MapModel("carte-lieu", $"Carte : emplacement de {place.Name}", $"/api/territories/region/{region}/contours",
            $"/api/territories/region/{region}/contours?level=departement", LinkAreas: false,
            place.LocatedAtCommune ? "Emplacement approximatif : le point représentatif de la commune (la source ne donne pas de coordonnées)." : "Emplacement donné par la source.",
            options.Value.Map.BasemapUrl, options.Value.Map.BasemapAttribution);
        return Page();
    }
}
