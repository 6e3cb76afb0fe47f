using System.Globalization;
using Cee.Routing.Accounts;
using Cee.Routing.Centers;
using Cee.Routing.Htsus;
using Cee.Routing.Review;

namespace Cee.Routing.Policy;

/// <summary>
/// Decides the one Center that owns a drop, or that a person must. Pure: the same facts always give
/// the same decision, so a Durable orchestrator may call it on replay.
/// <list type="number">
/// <item>A CF-28/CF-29 response goes to the Center that issued the request, when that is known.</item>
/// <item>One importer with an assigned Center: that Center, whatever the HTSUS numbers say (Centers are account-based).
/// More than one importer: review. NOTELG, PNDING or unknown: HTSUS, flagged.</item>
/// <item>The Center with the most HTSUS lines; a tie goes to review.</item>
/// <item>Nothing conclusive: review.</item>
/// </list>
/// </summary>
public static class RoutingPolicy
{
    public static RoutingDecision Decide(RoutingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var reasons = new List<string>();
        var flags = new List<string>();
        var tally = facts.Lines.Tally;

        if (facts.Request is { } request)
        {
            if (request.Center is { } issuer)
            {
                reasons.Add($"answers CBP request {request.RequestId}, issued by {Describe(issuer)}");
                return new RoutingDecision(DecisionOutcome.Route, issuer, RoutingBasis.RequestIssuer, "cbp-request", reasons, [], flags, tally);
            }

            reasons.Add($"answers CBP request {request.RequestId}, whose issuing Center is not in the request directory");
            flags.Add(RoutingFlags.RequestIssuerUnknown);
        }

        var importers = facts.Accounts.DistinctBy(a => a.LookupKey).ToList();
        if (importers.Count > 1)
        {
            flags.Add(RoutingFlags.ConflictingImporters);
            reasons.Add($"the drop names {importers.Count} importers of record ({string.Join(", ", importers.Select(a => a.Importer))}); one submission must resolve to one importer");
            return Review(reasons, flags, tally);
        }

        if (importers.Count == 1)
        {
            var account = importers[0];
            flags.AddRange(account.TrustedTrader.Select(p => RoutingFlags.TrustedTraderPrefix + p));
            switch (account.Status)
            {
                case AccountStatus.Assigned when CenterCatalog.Default.TryGet(account.Center, out var center):
                    reasons.Add($"importer {account.Importer} is assigned to {Describe(center.Id)}; Centers are account-based, so the account decides over the HTSUS lines");
                    return new RoutingDecision(DecisionOutcome.Route, center.Id, RoutingBasis.ImporterAccount, "importer-account", reasons, [], flags, tally);
                case AccountStatus.Assigned:
                    flags.Add(RoutingFlags.AccountUnknown);
                    reasons.Add($"the account of importer {account.Importer} names '{account.Center}', which is not a Center; routing by HTSUS");
                    break;
                case AccountStatus.NotEligible:
                    flags.Add(RoutingFlags.AccountNotEligible);
                    reasons.Add($"importer {account.Importer} is NOTELG (not Center eligible); routing by HTSUS");
                    break;
                case AccountStatus.Pending:
                    flags.Add(RoutingFlags.AccountPending);
                    reasons.Add($"importer {account.Importer} has a Center assignment pending (PNDING); routing by HTSUS");
                    break;
                default:
                    flags.Add(RoutingFlags.AccountUnknown);
                    reasons.Add($"no account is known for importer {account.Importer}; routing by HTSUS");
                    break;
            }
        }
        else
        {
            reasons.Add("the drop names no importer of record; routing by HTSUS");
        }

        switch (facts.Lines.Outcome)
        {
            case PredominanceOutcome.Predominant:
                var winner = facts.Lines.Predominant!;
                var rules = facts.Lines.RulesFor(winner);
                reasons.Add(DescribePredominance(facts.Lines, winner, rules));
                return new RoutingDecision(DecisionOutcome.Route, winner, RoutingBasis.HtsPredominance, ProvenanceOf(rules), reasons, rules, flags, tally);
            case PredominanceOutcome.Tie:
                reasons.Add($"the HTSUS lines tie between {string.Join(" and ", facts.Lines.Leaders.Select(Describe))} with {tally[0].Lines} line(s) each");
                return Review(reasons, flags, tally);
            default:
                reasons.Add(facts.Lines.Lines.Count == 0
                    ? "the drop has no HTSUS lines"
                    : "none of the drop's HTSUS lines can be classified (special provisions or malformed numbers only)");
                return Review(reasons, flags, tally);
        }
    }

    /// <summary>
    /// The opt-in fallback when a review deadline passes: the predominant HTSUS Center, if the lines
    /// have one (a drop sent to review for conflicting importers or an unknown request issuer may).
    /// A tie has no best guess and stays with a person.
    /// </summary>
    public static RoutingDecision? BestGuess(RoutingDecision pending, HtsLinesVerdict lines)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Outcome != PredominanceOutcome.Predominant)
        {
            return null;
        }

        var winner = lines.Predominant!;
        var rules = lines.RulesFor(winner);
        var reasons = pending.Reasons
            .Append("the review deadline passed without a decision; the configured fallback routes by the best HTSUS guess")
            .Append(DescribePredominance(lines, winner, rules))
            .ToList();
        return pending with
        {
            Outcome = DecisionOutcome.Route,
            Center = winner,
            Basis = RoutingBasis.BestHtsGuess,
            Provenance = ProvenanceOf(rules),
            Reasons = reasons,
            Rules = rules,
            Flags = [.. pending.Flags, RoutingFlags.BestGuess],
        };
    }

    /// <summary>A reviewer's decision applied to the decision that asked for it.</summary>
    public static RoutingDecision FromReview(RoutingDecision pending, ReviewDecision review)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(review);
        var note = string.IsNullOrWhiteSpace(review.Note) ? string.Empty : $": {review.Note.Trim()}";
        return pending with
        {
            Outcome = DecisionOutcome.Route,
            Center = CenterCatalog.Default.Get(review.Center).Id,
            Basis = RoutingBasis.Reviewer,
            Provenance = "reviewer",
            Reasons = [.. pending.Reasons, $"reviewer {review.Reviewer} chose {Describe(review.Center)}{note}"],
            Rules = [],
            Reviewer = review.Reviewer,
            ReviewerId = review.ReviewerId,
        };
    }

    private static RoutingDecision Review(List<string> reasons, List<string> flags, IReadOnlyList<CenterCount> tally) =>
        new(DecisionOutcome.Review, null, RoutingBasis.None, null, reasons, [], flags, tally);

    private static string DescribePredominance(HtsLinesVerdict lines, string winner, IReadOnlyList<RuleReference> rules)
    {
        var counted = lines.Tally.Sum(t => t.Lines);
        var won = lines.Tally.First(t => t.Center == winner).Lines;
        var ruleText = string.Join(", ", rules.Select(r => $"{r.Hts} ({r.Provenance})"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{won} of {counted} classified HTSUS line(s) belong to {Describe(winner)} by rule {ruleText} (table {lines.TableVersion})");
    }

    private static string ProvenanceOf(IReadOnlyList<RuleReference> rules) =>
        rules.Count > 0 && rules.All(r => r.Provenance == "official") ? "official" : "inferred";

    private static string Describe(string centerId) =>
        CenterCatalog.Default.TryGet(centerId, out var center) ? $"{center.Id} {center.Name}" : centerId;
}
