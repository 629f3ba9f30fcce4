using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Scoran.Web;

public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public void OnGet(int? status) => Status = status ?? 500;
}
