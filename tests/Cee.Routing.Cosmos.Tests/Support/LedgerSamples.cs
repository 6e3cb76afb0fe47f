using Cee.Routing.Drops;
using Cee.Routing.Intake;
using Cee.Routing.Ledger;
using Cee.Routing.Policy;

namespace Cee.Routing.Cosmos.Tests.Support;

/// <summary>
/// Ledger transitions shaped like real ones: entry 002-6110316-2 filed at Los Angeles (port 2704) by
/// filer 002 for importer 12-345678900, a commercial invoice, routed to CEE007 Electronics.
/// </summary>
internal static class LedgerSamples
{
    public const string Entry = "002-6110316-2";
    public const string OtherEntry = "002-6110317-0";
    public const string Importer = "12-345678900";
    public const string ContentSha256 = "9f2c4b0e8d1a7c3f5e6b9a2d4c8e1f0a3b5d7c9e2f4a6b8d0c1e3f5a7b9d2c4e";

    public static readonly DateTimeOffset Start = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);

    /// <summary>A new drop id, so every test writes records no other test reads.</summary>
    public static string NewDropId(string port = "2704") => DropIds.Compute($"port-drops/{port}/entry-{Guid.NewGuid():N}.xml", "0x8DD0A1B2C3D4E5F");

    /// <summary>A content hash no other test uses.</summary>
    public static string NewContentSha256() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    public static LedgerSubject Subject(string dropId, string? contentSha256 = null, int ordinal = 1, IReadOnlyList<string>? entries = null)
    {
        var documentId = DropIds.DocumentId(dropId, ordinal);
        var document = new IntakeDocument(
            documentId, $"DOC-{ordinal}", "Commercial Invoice", DocumentKind.EntrySummary, "commercial-invoice.pdf", "pdf", "pdf",
            48_213, "a3f7a1c9e5b2d8f4a6c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3", $"documents/{documentId}");
        return new LedgerSubject(
            dropId, $"port-drops/2704/entry-0026110316-{dropId}.xml", contentSha256 ?? ContentSha256, DropKind.Dis, document,
            "2704", "002", entries ?? [Entry], Importer, null);
    }

    public static LedgerTransition Received(LedgerSubject subject, int minute = 0) => new(
        subject.RecordId, "received", LedgerState.Received, Start.AddMinutes(minute), $"received from {subject.Source}", subject.DropId, Subject: subject);

    public static LedgerTransition Validated(LedgerSubject subject, int minute = 1) => new(
        subject.RecordId, "validated", LedgerState.Validated, Start.AddMinutes(minute), "entry, importer and HTSUS lines are valid", subject.DropId);

    public static LedgerTransition Rejected(LedgerSubject subject, int minute = 1) => new(
        subject.RecordId, "rejected", LedgerState.Rejected, Start.AddMinutes(minute),
        "rejected: [entry.check-digit] entry 002-6110316-3: check digit is 3; the number computes 2", subject.DropId);

    public static LedgerTransition Duplicate(LedgerSubject subject, string originalId, int minute = 1) => new(
        subject.RecordId, "duplicate", LedgerState.Duplicate, Start.AddMinutes(minute), "the same content was already routed", subject.DropId, DuplicateOf: originalId);

    public static LedgerTransition AwaitingReview(LedgerSubject subject, int minute = 2) => new(
        subject.RecordId, "awaiting-review", LedgerState.AwaitingReview, Start.AddMinutes(minute),
        "sent to a person on the triage topic: tie between CEE001 Pharmaceuticals, Health & Chemicals and CEE007 Electronics",
        subject.DropId, Decision: Review(), Topic: "cee-triage");

    public static LedgerTransition Escalated(LedgerSubject subject, int round) => new(
        subject.RecordId, $"escalated-{round}", LedgerState.AwaitingReview, Start.AddHours(8 * round),
        $"no decision within 8 hours; escalation {round}", subject.DropId, Decision: Review(), Topic: "cee-triage");

    public static LedgerTransition Routed(LedgerSubject subject, string center = "CEE007", int minute = 3) => new(
        subject.RecordId, "routed", LedgerState.Routed, Start.AddMinutes(minute), $"published on {center.ToLowerInvariant()}", subject.DropId,
        Decision: Route(center), Topic: center.ToLowerInvariant());

    public static RoutingDecision Route(string center) => new(
        DecisionOutcome.Route, center, RoutingBasis.ImporterAccount, "importer-account",
        [$"importer {Importer} is assigned to {center}"], [], [], []);

    public static RoutingDecision Review() => new(
        DecisionOutcome.Review, null, RoutingBasis.None, null,
        ["tie between CEE001 Pharmaceuticals, Health & Chemicals and CEE007 Electronics"], [], [], []);
}
