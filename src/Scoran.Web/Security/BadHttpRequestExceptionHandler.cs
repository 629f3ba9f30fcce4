using Microsoft.AspNetCore.Diagnostics;

namespace Scoran.Web.Security;

/// <summary>
/// A request Kestrel refuses while it is being read (body larger than the limit, truncated body…) answers with the
/// status the server chose — 413 for a body too large — as a French problem+json, not 500 (security review F13).
/// </summary>
internal sealed class BadHttpRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted)
        {
            return false;
        }

        context.Response.StatusCode = bad.StatusCode;
        var tooLarge = bad.StatusCode == StatusCodes.Status413PayloadTooLarge;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = tooLarge ? "Requête trop volumineuse" : "Requête invalide",
                Detail = tooLarge ? "Le corps de la requête dépasse la taille admise pour cette adresse." : "La requête n'a pas pu être lue.",
            },
        });
    }
}
