using System.Text.Json.Serialization;
using Cee.Routing.Policy;

namespace Cee.Routing.Ledger;

/// <summary>
/// Where a document is and why: its current state, the decision, and the append-only history of
/// every transition. One per document (or per unreadable drop). Adapters store it whole and
/// replace it ETag-conditionally; <see cref="Apply"/> is the only way it changes.
/// </summary>
/// <param name="Id">Document id, or drop id for a drop-level record.</param>
/// <param name="SchemaVersion">Version of this shape (1).</param>
/// <param name="Subject">The document and its drop.</param>
/// <param name="State">Current state.</param>
/// <param name="Decision">The latest routing decision, if any.</param>
/// <param name="Center">The Center routed to (Routed) or null.</param>
/// <param name="Topic">The topic published on, if any.</param>
/// <param name="DuplicateOf">For a Duplicate: the record already routed with the same content.</param>
/// <param name="History">Every applied transition, oldest first.</param>
/// <param name="UpdatedAt">Time of the latest transition.</param>
public sealed record LedgerRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("subject")] LedgerSubject Subject,
    [property: JsonPropertyName("state")] LedgerState State,
    [property: JsonPropertyName("decision")] RoutingDecision? Decision,
    [property: JsonPropertyName("center")] string? Center,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("duplicateOf")] string? DuplicateOf,
    [property: JsonPropertyName("history")] IReadOnlyList<LedgerHistoryEntry> History,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>
    /// The Service Bus session its Center's message went out in (set by the Routed step), so that a
    /// transfer publishes in the same one. Null on records routed before it was kept (added within
    /// schema version 1); <see cref="Inbox.CenterMessages"/> then derives it from the subject.
    /// </summary>
    [JsonPropertyName("sessionId")]
    public string? SessionId { get; init; }

    /// <summary>Starts a record from its first (Received) transition, or refuses.</summary>
    public static LedgerApplyResult Create(LedgerTransition first)
    {
        ArgumentNullException.ThrowIfNull(first);
        if (first.Subject is null || !LedgerStates.CanMove(null, first.State))
        {
            throw new ArgumentException(
                $"A ledger record starts with a Received transition that carries its subject; got {first.State} for {first.RecordId}.",
                nameof(first));
        }

        var record = new LedgerRecord(
            first.RecordId,
            CurrentSchemaVersion,
            first.Subject,
            first.State,
            first.Decision,
            null,
            first.Topic,
            null,
            [new LedgerHistoryEntry(first.Step, first.State, first.At, first.Reason, first.CorrelationId, first.By)],
            first.At)
        {
            SessionId = first.SessionId,
        };
        return new LedgerApplyResult(LedgerApplyOutcome.Applied, record);
    }

    /// <summary>Applies a transition to a record that may not exist yet (<paramref name="current"/> null).</summary>
    public static LedgerApplyResult ApplyOrCreate(LedgerRecord? current, LedgerTransition transition) =>
        current is null ? Create(transition) : current.Apply(transition);

    /// <summary>
    /// Applies <paramref name="transition"/>: a step already in the history is a no-op; a move the
    /// state machine forbids is refused (the record is returned unchanged).
    /// </summary>
    public LedgerApplyResult Apply(LedgerTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        if (!string.Equals(transition.RecordId, Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Transition for {transition.RecordId} offered to record {Id}.", nameof(transition));
        }

        if (History.Any(h => string.Equals(h.Step, transition.Step, StringComparison.Ordinal)))
        {
            return new LedgerApplyResult(LedgerApplyOutcome.AlreadyApplied, this);
        }

        if (!LedgerStates.CanMove(State, transition.State))
        {
            return new LedgerApplyResult(LedgerApplyOutcome.Refused, this,
                $"{Id} is {State}; it cannot move to {transition.State} (step '{transition.Step}').");
        }

        var next = this with
        {
            State = transition.State,
            Decision = transition.Decision ?? Decision,
            // Routing and a transfer name the Center now holding the document; nothing else changes it.
            Center = transition.State.IsWithCenter() ? transition.Decision?.Center ?? Center : Center,
            Topic = transition.Topic ?? Topic,
            DuplicateOf = transition.DuplicateOf ?? DuplicateOf,
            History = [.. History, new LedgerHistoryEntry(transition.Step, transition.State, transition.At, transition.Reason, transition.CorrelationId, transition.By)],
            UpdatedAt = transition.At,
            SessionId = transition.SessionId ?? SessionId,
        };
        return new LedgerApplyResult(LedgerApplyOutcome.Applied, next);
    }

    /// <summary>
    /// Whether the document was ever published on a Center's topic. Such a record is done for the
    /// routing workflow whatever its state now (a transfer may have sent it back to a person).
    /// </summary>
    [JsonIgnore]
    public bool WasRouted => History.Any(h => h.State == LedgerState.Routed);

    /// <summary>The decision's reasons, or the latest history reason when there is no decision.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Reasons => Decision?.Reasons is { Count: > 0 } reasons
        ? reasons
        : History.Count > 0 ? [History[^1].Reason] : [];
}
