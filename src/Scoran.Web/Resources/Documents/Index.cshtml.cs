using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Resources.Documents;

namespace Scoran.Web.Resources.Documents;

public sealed class IndexModel(DocumentLibrary library, DocumentSearchIndex index) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentCategory? Categorie { get; set; }

    public List<(ResourceDocument Document, string? Snippet)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var documents = await library.ListAsync(Categorie, ct);
        if (string.IsNullOrWhiteSpace(Q))
        {
            Rows = documents.Select(d => (d, (string?)null)).ToList();
            return;
        }

        var byId = documents.ToDictionary(d => d.Id);
        Rows = (await index.SearchAsync(Q, ct: ct)).Where(m => byId.ContainsKey(m.DocumentId)).Select(m => (byId[m.DocumentId], m.Snippet)).ToList();
    }
}
