using Cee.Routing.Drops;
using Cee.Routing.Intake;

namespace Cee.Routing.Ports;

/// <summary>Opens a drop: reads it safely, stores each decoded document, and checks it.</summary>
public interface IDropStore
{
    /// <summary>
    /// Reads the drop (and its manifest), stores every decoded document where Centers can fetch it,
    /// and returns the intake result. Bad input is a result with findings, never an exception.
    /// Calling it twice for the same drop stores the same documents under the same ids.
    /// </summary>
    Task<IntakeResult> OpenAsync(DropReference drop, CancellationToken cancellationToken);

    /// <summary>Keeps a rejected drop, byte for byte, with the reasons beside it. Nothing is ever deleted.</summary>
    Task QuarantineAsync(DropReference drop, IReadOnlyList<Finding> reasons, CancellationToken cancellationToken);
}
