using Scoran.Territories.Queries;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Scoran.Core.Audit;
using Scoran.Core.Security;
using Scoran.Core.Uploads;
using Scoran.Funding.Dossiers;
using Scoran.Funding.Editing;
using Scoran.Funding.Model;
using Scoran.Funding.Rules;
using Scoran.Territories.Model;

namespace Scoran.Funding;

/// <summary>Who acts: the signed-in account, its organisation and roles (the web layer fills it from claims).</summary>
public sealed record FundingActor(string Email, string? Organisation, bool IsAdministrator, bool IsAgent)
{
    /// <summary>
    /// An agent sees, edits, archives and instructs the schemes whose backer IS their organisation
    /// (<see cref="OrganisationIdentity.Same"/>: the whole normalised name, never a substring); an administrator, every scheme.
    /// </summary>
    public bool Instructs(AidScheme scheme) => IsAdministrator || (IsAgent && OrganisationIdentity.Same(scheme.Backer, Organisation));
}

public class FundingRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The actor may not do this (another backer's scheme): the API answers 403, the pages « accès refusé ».</summary>
public sealed class FundingForbiddenException(string field, string message) : FundingRuleException(field, message);

/// <summary>Reads and writes of the one-stop shop. Every change is audited in the same SaveChanges.</summary>
public sealed class FundingService(DbContext db, TimeProvider clock)
{
    private readonly TerritoryQueries territories = new(db);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<List<AidScheme>> SchemesAsync(CancellationToken ct = default) => db.Set<AidScheme>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);

    public Task<AidScheme?> SchemeAsync(string id, CancellationToken ct = default) => db.Set<AidScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>The territory and every territory containing it, from the Territories reference.</summary>
    public async Task<FundingTerritory?> ScopeAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        code = code.Trim();
        var candidates = await territories.WithCodeAsync(code, ct);
        var t = candidates.OrderBy(c => c.Kind == TerritoryKind.Commune ? 0 : c.Kind == TerritoryKind.Epci ? 1 : c.Kind == TerritoryKind.Departement ? 2 : 3).FirstOrDefault();
        if (t is null) return null;
        var keys = new HashSet<string> { "FR", $"{t.Kind.ToSlug()}:{t.Code}" };
        if (t.EpciCode is { } e) keys.Add($"epci:{e}");
        if (t.DepartementCode is { } d) keys.Add($"departement:{d}");
        if (t.RegionCode is { } r) keys.Add($"region:{r}");
        if (t.Kind == TerritoryKind.Epci)
        {
            // An EPCI can straddle départements: it is inside every département and région of its communes.
            var inside = await territories.Communes(TerritoryKind.Epci, t.Code, includeObsolete: true).Select(c => new { c.DepartementCode, c.RegionCode }).Distinct().ToListAsync(ct);
            foreach (var i in inside)
            {
                if (i.DepartementCode is not null) keys.Add($"departement:{i.DepartementCode}");
                if (i.RegionCode is not null) keys.Add($"region:{i.RegionCode}");
            }
        }

        var label = $"{t.Name} ({t.Kind.ToFrench()} {t.Code}{(t.Population is { } p ? $", {p:N0} hab." : "")})";
        return new FundingTerritory($"{t.Kind.ToSlug()}:{t.Code}", label, keys);
    }

    public async Task<IReadOnlyList<FinderResult>> FindAsync(FinderQuery query, CancellationToken ct = default) =>
        Finder.Run(await SchemesAsync(ct), query, await ScopeAsync(query.TerritoryCode, ct), Today);

    public async Task<Plan> PlanAsync(PlanRequest request, CancellationToken ct = default)
    {
        if (FundingLimits.Validate(request) is { Count: > 0 } errors)
        {
            var (field, messages) = errors.First();
            throw new FundingRuleException(field, messages[0]);
        }

        var ids = request.Lines.Select(l => l.SchemeId).Distinct().ToList();
        var schemes = await db.Set<AidScheme>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var missing = ids.FirstOrDefault(i => !schemes.ContainsKey(i));
        if (missing is not null) throw new FundingRuleException("lines", $"dispositif inconnu : {missing}");
        return CofinancingPlan.Compute(request, schemes);
    }

    public async Task<AidScheme> SaveSchemeAsync(AidScheme edited, string author, CancellationToken ct = default)
    {
        var current = await db.Set<AidScheme>().FirstOrDefaultAsync(s => s.Id == edited.Id, ct);
        var now = clock.GetUtcNow();
        if (current is null)
        {
            edited.CreatedAt = edited.UpdatedAt = now;
            db.Add(edited);
            AuditTrail.Record(db, clock, author, FundingAudit.Scheme, edited.Id, "created", null, FundingAudit.Snapshot(edited));
            await db.SaveChangesAsync(ct);
            return edited;
        }

        var before = FundingAudit.Snapshot(current);
        edited.CreatedAt = current.CreatedAt;
        edited.UpdatedAt = now;
        db.Entry(current).CurrentValues.SetValues(edited);
        current.Beneficiaries = edited.Beneficiaries; current.Perimeter = edited.Perimeter; current.Themes = edited.Themes;
        current.EligibleCosts = edited.EligibleCosts; current.Conditions = edited.Conditions; current.Documents = edited.Documents;
        AuditTrail.Record(db, clock, author, FundingAudit.Scheme, current.Id, "updated", before, FundingAudit.Snapshot(current));
        await db.SaveChangesAsync(ct);
        return current;
    }

    /// <summary>
    /// Validates then creates or updates a scheme written by a person (API and management form):
    /// nothing is written when there are errors; the change and its audit entry commit together.
    /// </summary>
    /// <remarks>
    /// Organisation boundary (security review F1): an agent edits only a scheme whose backer is its organisation,
    /// and creates only schemes of its organisation; changing a scheme's backer needs an administrator.
    /// </remarks>
    public async Task<SchemeSaveResult> SaveSchemeAsync(string id, SchemeInput input, FundingActor actor, CancellationToken ct = default)
    {
        var existing = await SchemeAsync(id ?? "", ct);
        if (existing is not null && !actor.Instructs(existing))
            return new SchemeSaveResult(null, new() { ["backer"] = [ForeignScheme(existing)] }, Forbidden: true);
        var errors = SchemeEditing.Validate(id!, input);
        if (errors.Count > 0) return new SchemeSaveResult(null, errors);
        if (!actor.IsAdministrator && !OrganisationIdentity.Same(input.Backer, existing?.Backer ?? actor.Organisation))
        {
            return new SchemeSaveResult(null, new()
            {
                ["backer"] = [existing is null
                    ? $"Un agent crée seulement des dispositifs de son financeur (« {actor.Organisation} ») ; un autre financeur demande un administrateur."
                    : "Seul un administrateur change le financeur d'un dispositif."],
            }, Forbidden: true);
        }

        var saved = await SaveSchemeAsync(SchemeEditing.Build(id!, input, existing), actor.Email, ct);
        return new SchemeSaveResult(saved, errors, existing is null);
    }

    private static string ForeignScheme(AidScheme s) => $"Ce dispositif relève de « {s.Backer} » : seuls ses agents et les administrateurs le modifient.";

    /// <summary>
    /// Archives a scheme (status <see cref="SchemeStatus.Historical"/>: kept, shown as closed, never eligible) or brings it back
    /// with the status it had when archived, read from the audit entry of the archiving (Open when there is none).
    /// Returns null when the scheme does not exist; archiving an archived scheme changes nothing.
    /// </summary>
    /// <exception cref="FundingForbiddenException">The actor is not an agent of the scheme's backer nor an administrator.</exception>
    public async Task<AidScheme?> ArchiveAsync(string id, bool archive, FundingActor actor, CancellationToken ct = default)
    {
        var current = await db.Set<AidScheme>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (current is null) return null;
        if (!actor.Instructs(current)) throw new FundingForbiddenException("id", ForeignScheme(current));
        var author = actor.Email;
        var target = SchemeStatus.Historical;
        if (!archive)
        {
            if (current.Status != SchemeStatus.Historical) return current;
            var last = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == FundingAudit.Scheme && a.EntityId == id && a.Action == FundingAudit.Archived)
                .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
            target = last?.BeforeJson is { } json && System.Text.Json.JsonSerializer.Deserialize<FundingAudit.SchemeSnapshot>(json, FundingAudit.Json) is { Status: var before } && before != SchemeStatus.Historical
                ? before : SchemeStatus.Open;
        }
        else if (current.Status == SchemeStatus.Historical)
        {
            return current;
        }

        var snapshot = FundingAudit.Snapshot(current);
        current.Status = target;
        current.UpdatedAt = clock.GetUtcNow();
        AuditTrail.Record(db, clock, author, FundingAudit.Scheme, id, archive ? FundingAudit.Archived : FundingAudit.Unarchived, snapshot, FundingAudit.Snapshot(current));
        await db.SaveChangesAsync(ct);
        return current;
    }

    // ---- saved searches and their Atom feed ----

    /// <exception cref="FundingRuleException">The query is too long or carries an invalid criterion (<see cref="SavedSearchQuery"/>).</exception>
    public async Task<SavedSearch> SaveSearchAsync(string query, string? label, CancellationToken ct = default)
    {
        var (canonical, error) = SavedSearchQuery.Canonical(query);
        if (canonical is null) throw new FundingRuleException("query", error!);
        label = string.IsNullOrWhiteSpace(label) ? null : new string(label.Trim().Where(c => !char.IsControl(c)).Take(200).ToArray());
        var search = new SavedSearch { Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Query = canonical, Label = label, CreatedAt = clock.GetUtcNow() };
        db.Add(search);
        await db.SaveChangesAsync(ct);
        return search;
    }

    public Task<SavedSearch?> SavedSearchAsync(string token, CancellationToken ct = default) => db.Set<SavedSearch>().AsNoTracking().FirstOrDefaultAsync(s => s.Token == token, ct);

    /// <summary>Atom 1.0 feed of the eligible schemes of a saved search, newest change first (a new or updated scheme is a new entry date).</summary>
    public static XDocument AtomFeed(SavedSearch search, IEnumerable<FinderResult> results, Uri baseUri)
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var eligible = results.Where(r => r.Eligible).OrderByDescending(r => r.Scheme.UpdatedAt).ThenBy(r => r.Scheme.Id, StringComparer.Ordinal).ToList();
        var updated = eligible.Count > 0 ? eligible.Max(r => r.Scheme.UpdatedAt) : search.CreatedAt;
        var self = new Uri(baseUri, $"/financements/recherches/{search.Token}/atom");
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(atom + "feed",
            new XElement(atom + "id", $"urn:scoran:funding:search:{search.Token}"),
            new XElement(atom + "title", "Scoran — dispositifs d'aide : " + (search.Label ?? search.Query)),
            new XElement(atom + "updated", updated.ToString("yyyy-MM-ddTHH:mm:ssZ")),
            new XElement(atom + "author", new XElement(atom + "name", "Scoran")),
            new XElement(atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self)),
            new XElement(atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", new Uri(baseUri, "/financements/recherche?" + search.Query))),
            eligible.Select(r => new XElement(atom + "entry",
                new XElement(atom + "id", $"urn:scoran:funding:scheme:{r.Scheme.Id}:{r.Scheme.UpdatedAt.ToUnixTimeSeconds()}"),
                new XElement(atom + "title", r.Scheme.Name),
                new XElement(atom + "updated", r.Scheme.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ")),
                new XElement(atom + "link", new XAttribute("href", new Uri(baseUri, $"/financements/dispositifs/{Uri.EscapeDataString(r.Scheme.Id)}"))),
                new XElement(atom + "summary", $"{r.Scheme.Backer}. " + (r.Grant?.Explanation ?? ""))))));
    }

    // ---- dossiers ----

    public async Task<List<FundingDossier>> DossiersAsync(FundingActor actor, CancellationToken ct = default)
    {
        var all = await db.Set<FundingDossier>().AsNoTracking().Include(d => d.Payments).Include(d => d.Documents).OrderByDescending(d => d.Id).ToListAsync(ct);
        var schemes = await db.Set<AidScheme>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        return all.Where(d => CanSee(actor, d, schemes[d.SchemeId])).ToList();
    }

    public static bool CanSee(FundingActor actor, FundingDossier d, AidScheme scheme) =>
        actor.IsAdministrator || string.Equals(d.HolderEmail, actor.Email, StringComparison.OrdinalIgnoreCase) || actor.Instructs(scheme);

    public async Task<(FundingDossier Dossier, AidScheme Scheme)?> DossierAsync(FundingActor actor, long id, CancellationToken ct = default)
    {
        var d = await db.Set<FundingDossier>().AsNoTracking().Include(x => x.Payments).Include(x => x.Documents).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        var s = await db.Set<AidScheme>().AsNoTracking().FirstAsync(x => x.Id == d.SchemeId, ct);
        return CanSee(actor, d, s) ? (d, s) : null;
    }

    public async Task<FundingDossier> CreateDossierAsync(FundingActor actor, string schemeId, string title, decimal cost, decimal requested, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new FundingRuleException("projectTitle", "Indiquez l'intitulé du projet.");
        if (cost <= 0) throw new FundingRuleException("projectCost", "Le coût du projet doit être positif.");
        if (cost > FundingLimits.MaxAmount) throw new FundingRuleException("projectCost", FundingLimits.AmountMessage("Coût du projet"));
        if (requested < 0 || requested > cost) throw new FundingRuleException("requestedAmount", "Le montant demandé doit être compris entre 0 et le coût du projet.");
        if (!await db.Set<AidScheme>().AnyAsync(s => s.Id == schemeId, ct)) throw new FundingRuleException("schemeId", "Dispositif inconnu.");
        var d = new FundingDossier
        {
            SchemeId = schemeId, HolderEmail = actor.Email, HolderOrganisation = actor.Organisation, ProjectTitle = title.Trim(),
            ProjectCost = GrantRules.FloorToCent(cost), RequestedAmount = GrantRules.FloorToCent(requested), Status = DossierStatus.Draft, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(d);
        await db.SaveChangesAsync(ct);
        AuditTrail.Record(db, clock, actor.Email, FundingAudit.Dossier, d.Id.ToString(), "created", null, Snapshot(d));
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>Moves a dossier one step; the date is the event's date (acknowledgement, decision…), today by default.</summary>
    /// <param name="exceedRequest">
    /// Explicit override to grant more than the requested amount: refused without a comment (the justification),
    /// audited as <see cref="FundingAudit.GrantAboveRequest"/>.
    /// </param>
    public async Task<FundingDossier> MoveAsync(FundingActor actor, long id, DossierStatus to, DateOnly? on, decimal? amount, string? comment, CancellationToken ct = default, bool exceedRequest = false)
    {
        var d = await db.Set<FundingDossier>().Include(x => x.Payments).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new FundingRuleException("id", "Dossier introuvable.");
        var scheme = await db.Set<AidScheme>().FirstAsync(s => s.Id == d.SchemeId, ct);
        if (!CanSee(actor, d, scheme)) throw new FundingRuleException("id", "Dossier introuvable.");
        if (!DossierStatuses.Next[d.Status].Contains(to))
            throw new FundingRuleException("status", $"Passage de « {d.Status.ToFrench()} » à « {to.ToFrench()} » impossible.");
        var isHolder = string.Equals(d.HolderEmail, actor.Email, StringComparison.OrdinalIgnoreCase);
        if (DossierStatuses.IsHolderMove(to) ? !(isHolder || actor.Instructs(scheme)) : !actor.Instructs(scheme))
            throw new FundingRuleException("status", DossierStatuses.IsHolderMove(to) ? "Seul le porteur dépose son dossier." : "Seul un agent du financeur du dispositif fait avancer l'instruction.");
        var date = on ?? Today;
        var before = Snapshot(d);
        var overRequest = false;
        switch (to)
        {
            case DossierStatus.Submitted: d.SubmittedOn = date; break;
            case DossierStatus.Acknowledged:
                if (date < d.SubmittedOn) throw new FundingRuleException("date", "L'accusé de réception ne peut précéder le dépôt.");
                d.AcknowledgedOn = date; break;
            case DossierStatus.Granted:
                if (amount is not { } g || g <= 0 || g > d.ProjectCost) throw new FundingRuleException("amount", "Indiquez le montant accordé (positif, au plus le coût du projet).");
                if (g > d.RequestedAmount)
                {
                    if (!exceedRequest)
                        throw new FundingRuleException("amount", $"Le montant accordé dépasse le montant demandé ({GrantRules.Euros(d.RequestedAmount)}) : cochez le dépassement explicite et justifiez-le en commentaire.");
                    if (string.IsNullOrWhiteSpace(comment))
                        throw new FundingRuleException("comment", "Un dépassement du montant demandé doit être justifié en commentaire.");
                    overRequest = true;
                }

                d.GrantedAmount = GrantRules.FloorToCent(g); d.DecidedOn = date; break;
            case DossierStatus.Refused: d.DecidedOn = date; break;
            case DossierStatus.Paid:
                if (amount is not { } p || p <= 0) throw new FundingRuleException("amount", "Indiquez le montant du versement.");
                if (d.PaidAmount + p > d.GrantedAmount) throw new FundingRuleException("amount", $"Les versements dépasseraient le montant accordé ({GrantRules.Euros(d.GrantedAmount ?? 0)}).");
                d.Payments.Add(new DossierPayment { PaidOn = date, Amount = GrantRules.FloorToCent(p), Label = comment });
                break;
            case DossierStatus.Closed: d.ClosedOn = date; break;
        }

        d.Status = to;
        AuditTrail.Record(db, clock, actor.Email, FundingAudit.Dossier, d.Id.ToString(), overRequest ? FundingAudit.GrantAboveRequest : "status-changed", before, Snapshot(d), comment);
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>A further instalment on a dossier already « versé » (the status stays).</summary>
    public async Task AddPaymentAsync(FundingActor actor, long id, DateOnly on, decimal amount, CancellationToken ct = default)
    {
        var d = await db.Set<FundingDossier>().Include(x => x.Payments).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new FundingRuleException("id", "Dossier introuvable.");
        var scheme = await db.Set<AidScheme>().FirstAsync(s => s.Id == d.SchemeId, ct);
        if (!actor.Instructs(scheme)) throw new FundingRuleException("id", "Seul un agent du financeur enregistre les versements.");
        if (d.Status != DossierStatus.Paid) throw new FundingRuleException("status", "Le premier versement fait passer le dossier à « Versé ».");
        if (amount <= 0 || d.PaidAmount + amount > d.GrantedAmount) throw new FundingRuleException("amount", "Montant invalide ou supérieur au reste à verser.");
        var before = Snapshot(d);
        d.Payments.Add(new DossierPayment { PaidOn = on, Amount = GrantRules.FloorToCent(amount) });
        AuditTrail.Record(db, clock, actor.Email, FundingAudit.Dossier, d.Id.ToString(), "payment-added", before, Snapshot(d));
        await db.SaveChangesAsync(ct);
    }

    public async Task<DossierDocument> AttachAsync(FundingActor actor, long id, string fileName, string contentType, Stream content, long size, string folder, CancellationToken ct = default)
    {
        var found = await DossierAsync(actor, id, ct) ?? throw new FundingRuleException("id", "Dossier introuvable.");
        if (size <= 0 || size > MaxDocumentBytes) throw new FundingRuleException("file", $"Fichier vide ou de plus de {MaxDocumentBytes / 1024 / 1024} Mo.");
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var claimed = AllowedDocuments.FirstOrDefault(t => t.Extension == ext) ?? throw new FundingRuleException("file", "Types acceptés : " + string.Join(", ", AllowedDocuments.Select(t => t.Extension)));
        await using var buffer = await UploadStore.BufferAsync(content, ct);
        var check = new UploadPolicy(MaxDocumentBytes, AllowedDocuments).Check(fileName, buffer.Length, buffer);
        switch (check.Refusal)
        {
            case null:
                break;
            case UploadRefusal.Empty or UploadRefusal.TooLarge:
                throw new FundingRuleException("file", $"Fichier vide ou de plus de {MaxDocumentBytes / 1024 / 1024} Mo.");
            case UploadRefusal.Executable:
                throw new FundingRuleException("file", $"Le fichier « {Path.GetFileName(fileName)} » est un programme exécutable : les exécutables sont refusés.");
            default:
                throw new FundingRuleException("file", claimed == UploadType.Pdf ? "Le fichier n'est pas un PDF." : $"Le fichier n'est pas un {claimed.Name} (contenu non reconnu).");
        }

        // F11: stored in the shared hashed upload store (a name of ours, 0600, outside the web root); read back only through the dossier page.
        var bytes = buffer.ToArray();
        var (_, stored) = await UploadStore.SaveByHashAsync(folder, bytes, ext, ct);
        var doc = new DossierDocument
        {
            DossierId = id, FileName = Path.GetFileName(fileName), ContentType = claimed.ContentType, Size = bytes.Length, StoredName = stored,
            Sha256 = UploadStore.Sha256(bytes), UploadedAt = clock.GetUtcNow(), UploadedBy = actor.Email,
        };
        db.Add(doc);
        AuditTrail.Record(db, clock, actor.Email, FundingAudit.Dossier, id.ToString(), "document-attached", null, new { doc.FileName, doc.Size, doc.Sha256 });
        await db.SaveChangesAsync(ct);
        return doc;
    }

    public const long MaxDocumentBytes = 10 * 1024 * 1024;

    /// <summary>
    /// What a dossier may hold, in the order the refusal lists them; the content must be the type
    /// its extension says (checked by <see cref="UploadPolicy"/>), so a renamed program is refused.
    /// </summary>
    public static readonly IReadOnlyList<UploadType> AllowedDocuments =
        [UploadType.Pdf, UploadType.Png, UploadType.Jpeg, UploadType.Odt, UploadType.Ods, UploadType.Docx, UploadType.Xlsx];

    /// <summary>Open dossiers whose completion deadline falls within <paramref name="days"/> days (or is past), soonest first.</summary>
    public async Task<List<(FundingDossier Dossier, DateOnly Deadline)>> RemindersAsync(int days, CancellationToken ct = default)
    {
        days = Math.Clamp(days, 0, FundingLimits.MaxReminderDays);
        var open = await db.Set<FundingDossier>().AsNoTracking().Where(d => d.Status != DossierStatus.Closed && d.Status != DossierStatus.Refused && d.AcknowledgedOn != null).ToListAsync(ct);
        var limit = Today.AddDays(days);
        return open.Where(d => d.Deadline <= limit).Select(d => (d, d.Deadline!.Value)).OrderBy(x => x.Item2).ThenBy(x => x.d.Id).ToList();
    }

    public Task<List<AuditEntry>> HistoryAsync(long id, CancellationToken ct = default) => AuditTrail.HistoryAsync(db, FundingAudit.Dossier, id.ToString(), ct);

    private static object Snapshot(FundingDossier d) => new { d.SchemeId, d.ProjectTitle, d.ProjectCost, d.RequestedAmount, Status = d.Status.ToString(), d.SubmittedOn, d.AcknowledgedOn, d.DecidedOn, d.GrantedAmount, Paid = d.PaidAmount, d.ClosedOn };
}
