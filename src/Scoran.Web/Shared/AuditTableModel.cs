using Scoran.Core.Audit;

namespace Scoran.Web.Shared;

/// <summary>What <c>_AuditTable</c> shows: entries of the audit trail, oldest first, under a caption.</summary>
public sealed record AuditTableModel(IReadOnlyList<AuditEntry> Entries, string Caption, string? TestId = null);
