namespace Cee.Routing.Ports;

/// <summary>CBP requests (CF-28, CF-29) and the Center that issued each.</summary>
public interface ICbpRequestDirectory
{
    /// <summary>The Center ID that issued <paramref name="requestId"/>, or null when it is not known.</summary>
    Task<string?> FindIssuingCenterAsync(string requestId, CancellationToken cancellationToken);
}
