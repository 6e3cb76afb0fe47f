using Cee.Routing.Accounts;
using Cee.Routing.Htsus;
using Cee.Routing.Intake;
using Cee.Routing.Requests;
using Cee.Routing.Workflow;

namespace Cee.Cli.Local;

/// <summary>Everything one <c>cee route</c> run needs.</summary>
public sealed record LocalRouteSettings(
    string DropsDirectory,
    string OutDirectory,
    IReadOnlyList<ImporterAccount> Accounts,
    IReadOnlyList<CbpRequest> Requests,
    HtsRuleTable Rules,
    IntakeOptions Intake,
    RoutingWorkflowOptions Routing,
    int Parallelism);
