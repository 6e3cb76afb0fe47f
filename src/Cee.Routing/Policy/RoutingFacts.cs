using Cee.Routing.Accounts;
using Cee.Routing.Htsus;
using Cee.Routing.Intake;

namespace Cee.Routing.Policy;

/// <summary>Everything the routing policy weighs, gathered by the workflow through its ports.</summary>
/// <param name="Intake">The checked drop.</param>
/// <param name="Accounts">The account of each importer of <see cref="IntakeResult.Importers"/>, in the same order.</param>
/// <param name="Request">For a CF-28/CF-29 response to a real request, the request and its issuer; else null.</param>
/// <param name="Lines">The HTSUS classification of the drop's commodity lines.</param>
public sealed record RoutingFacts(
    IntakeResult Intake,
    IReadOnlyList<ImporterAccount> Accounts,
    RequestIssuer? Request,
    HtsLinesVerdict Lines);
