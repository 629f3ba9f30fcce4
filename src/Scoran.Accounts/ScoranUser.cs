using Microsoft.AspNetCore.Identity;

namespace Scoran.Accounts;

/// <summary>A person who signs in to change something: agents of the Region, Départements, syndicats mixtes.</summary>
public sealed class ScoranUser : IdentityUser
{
    /// <summary>Name shown in the interface and in the history of imports ("Claire Martin").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Organisation the person acts for ("Région Bourgogne-Franche-Comté").</summary>
    public string? Organisation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
