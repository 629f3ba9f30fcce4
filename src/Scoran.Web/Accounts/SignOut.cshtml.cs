using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;

namespace Scoran.Web.Accounts;

/// <summary>Sign-out is a POST with the antiforgery token, so that a link on another site cannot sign people out.</summary>
public sealed class SignOutModel(SignInManager<ScoranUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
