using System.Text.Json.Serialization;

namespace Cee.Routing.Workflow;

/// <summary>
/// Why a run stopped: a port call (a Durable activity) gave up after its retries.
/// </summary>
/// <param name="Step">The step that gave up, e.g. the activity <c>FindImporterAccount</c>.</param>
/// <param name="Attempts">How many attempts the host's retry policy allowed it.</param>
/// <param name="Error">The last error, as the host reported it (type and message).</param>
public sealed record RunFailure(
    [property: JsonPropertyName("step")] string Step,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("error")] string Error);
