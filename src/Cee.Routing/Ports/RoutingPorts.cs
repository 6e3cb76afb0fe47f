namespace Cee.Routing.Ports;

/// <summary>Everything the routing workflow needs from outside, and nothing more.</summary>
public sealed record RoutingPorts(
    IDropStore Drops,
    IImporterAccountDirectory Accounts,
    ICbpRequestDirectory Requests,
    IHtsClassifier Classifier,
    ITopicPublisher Publisher,
    IRoutingLedger Ledger,
    IReviewGateway Review,
    IWorkflowClock Clock);
