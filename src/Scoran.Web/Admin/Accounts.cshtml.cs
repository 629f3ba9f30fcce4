using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;

namespace Scoran.Web.Admin;

public sealed class AccountsModel(AccountAdministration accounts) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    [BindProperty, Required(ErrorMessage = "Indiquez l'adresse électronique."), EmailAddress(ErrorMessage = "Adresse électronique invalide."), Display(Name = "Adresse électronique")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Indiquez le nom."), StringLength(200), Display(Name = "Nom affiché")]
    public string DisplayName { get; set; } = "";

    [BindProperty, StringLength(200), Display(Name = "Organisation")]
    public string? Organisation { get; set; }

    [BindProperty, Required(ErrorMessage = "Indiquez un mot de passe provisoire."), DataType(DataType.Password), Display(Name = "Mot de passe provisoire (12 caractères au moins)")]
    public string Password { get; set; } = "";

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public string? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await accounts.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Roles.Count == 0)
        {
            ModelState.AddModelError(nameof(Roles), "Choisissez au moins un rôle.");
        }

        if (ModelState.IsValid)
        {
            var refused = await accounts.CreateAsync(Email.Trim(), DisplayName, Organisation, Password, Roles);
            foreach (var reason in refused)
            {
                ModelState.AddModelError("", reason);
            }

            if (refused.Count == 0)
            {
                Created = Email.Trim();
                ModelState.Clear();
                Email = DisplayName = Password = "";
                Organisation = null;
                Roles = [];
            }
        }

        Accounts = await accounts.ListAsync(cancellationToken);
        return Page();
    }
}
