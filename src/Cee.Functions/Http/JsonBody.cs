using System.Text.Json;
using Cee.Routing.Messages;
using Microsoft.AspNetCore.Http;

namespace Cee.Functions.Http;

/// <summary>Reads a request's JSON body with the contract options, reporting what is wrong instead of throwing.</summary>
public static class JsonBody
{
    /// <returns>The value, or null and a sentence saying why the body is not usable.</returns>
    public static async Task<(T? Value, string? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, ContractJson.Options, cancellationToken);
            return value is null ? (null, "the body is JSON null; a JSON object was expected") : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, $"the body is not the expected JSON object: {ex.Message}");
        }
    }
}
