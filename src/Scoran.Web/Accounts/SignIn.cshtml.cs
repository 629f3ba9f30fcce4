using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;

namespace Scoran.Web.Accounts;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Accounts.AccountsSetup.SignInRateLimitPolicy)]
public sealed class SignInModel(SignInManager<ScoranUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Adresse électronique invalide.")]
    [Display(Name = "Adresse électronique")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Indiquez votre mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Display(Name = "Rester connecté sur cet appareil")]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Failure { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // Only back to a page of this site: a crafted link must not send people elsewhere once signed in.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
        }

        // The same message whether the account exists or not, so the form cannot be used to find accounts.
        Failure = Accounts.AccountsSetup.SignInFailure;
        return Page();
    }
}
