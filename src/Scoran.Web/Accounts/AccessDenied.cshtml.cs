using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Scoran.Web.Accounts;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
