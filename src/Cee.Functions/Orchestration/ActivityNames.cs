namespace Cee.Functions.Orchestration;

/// <summary>
/// The activity functions of the routing orchestration: one per I/O step of the workflow's ports
/// (<see cref="DurableRoutingPorts"/> calls them, <c>Activities/RoutingActivities</c> implements them).
/// </summary>
public static class ActivityNames
{
    public const string OpenAndStoreDrop = nameof(OpenAndStoreDrop);
    public const string QuarantineDrop = nameof(QuarantineDrop);
    public const string FindImporterAccount = nameof(FindImporterAccount);
    public const string FindRequestIssuer = nameof(FindRequestIssuer);
    public const string ClassifyLines = nameof(ClassifyLines);
    public const string PublishMessage = nameof(PublishMessage);
    public const string GetLedgerRecord = nameof(GetLedgerRecord);
    public const string FindLedgerRecordsBySourceDocument = nameof(FindLedgerRecordsBySourceDocument);
    public const string ClaimContent = nameof(ClaimContent);
    public const string RecordTransition = nameof(RecordTransition);
    public const string WritePortResponse = nameof(WritePortResponse);
}
