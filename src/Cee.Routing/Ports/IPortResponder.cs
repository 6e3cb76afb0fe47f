using Cee.Routing.Dis.Responses;

namespace Cee.Routing.Ports;

/// <summary>Stores the answers to a port (DIS MessageValidationResponse, DocumentReviewResponse) where the port reads them.</summary>
public interface IPortResponder
{
    /// <summary>
    /// Stores <paramref name="response"/> whole or not at all (a reader never sees half an answer),
    /// replacing an earlier one at the same place: a re-run writes the same bytes again.
    /// </summary>
    Task WriteAsync(PortResponse response, CancellationToken cancellationToken);
}
