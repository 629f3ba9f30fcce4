using System.Globalization;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Web.Shared;

/// <summary>French formatting shared by the pages.</summary>
public static class Display
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Number(long? value) => value is null ? "—" : value.Value.ToString("N0", French);

    public static string Url(TerritoryKind kind, string code) => $"/territoires/{kind.ToSlug()}/{code}";

    public static string Url(TerritorySummary t) => Url(t.Kind, t.Code);

    public static string Url(TerritoryRef t) => Url(t.Kind, t.Code);

    /// <summary>Label with the département number for communes ("Besançon (25)"), as French readers expect.</summary>
    public static string Label(TerritorySummary t) =>
        t.Kind == TerritoryKind.Commune && t.DepartementCode is not null ? $"{t.Name} ({t.DepartementCode})" : t.Name;

    public static string ChildrenTitle(TerritoryKind kind) => kind switch
    {
        TerritoryKind.Departement => "Départements",
        TerritoryKind.Epci => "Intercommunalités (EPCI)",
        TerritoryKind.Commune => "Communes",
        _ => "Territoires",
    };

    public static string CodeLabel(TerritoryKind kind) => kind == TerritoryKind.Epci ? "SIREN" : "Code INSEE";

    public static string Matched(SearchMatch match) => match switch
    {
        SearchMatch.Code => "code",
        SearchMatch.PostalCode => "code postal",
        _ => "nom",
    };
}
