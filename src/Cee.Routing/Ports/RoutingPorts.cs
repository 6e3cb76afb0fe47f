namespace Cee.Routing.Ports;

/// <summary>Everything the routing workflow needs from outside, and nothing more.</summary>
/// <param name="Responses">Where the answers to the port go; null in a host that answers no port (nothing is written).</param>
public sealed record RoutingPorts(
    IDropStore Drops,
    IImporterAccountDirectory Accounts,
    ICbpRequestDirectory Requests,
    IHtsClassifier Classifier,
    ITopicPublisher Publisher,
    IRoutingLedger Ledger,
    IReviewGateway Review,
    IWorkflowClock Clock,
    IPortResponder? Responses = null);
