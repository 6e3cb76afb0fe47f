namespace Cee.Functions.Hosting;

/// <summary>Reads the Application Insights settings the platform defines.</summary>
public static class TelemetrySettings
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// True when <paramref name="authenticationString"/> asks for Entra ID ingestion
    /// (<c>Authorization=AAD;ClientId=&lt;client id&gt;</c>), with the client id when one is given.
    /// </summary>
    public static bool UsesEntraId(string? authenticationString, out string? clientId)
    {
        clientId = null;
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return false;
        }

        var entraId = false;
        foreach (var part in authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (string.Equals(key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                entraId = string.Equals(value, "AAD", StringComparison.OrdinalIgnoreCase);
            }
            else if (string.Equals(key, "ClientId", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
            {
                clientId = value;
            }
        }

        return entraId;
    }
}
