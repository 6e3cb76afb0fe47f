namespace Cee.Functions.Hosting;

/// <summary>The <c>Authentication</c> section: whose principals may call the HTTP API (docs/configuration.md, "Sign-in").</summary>
public sealed class AuthenticationSettings
{
    public const string SectionName = "Authentication";

    /// <summary>The length of a tenant id written as a GUID (<c>D</c> format); Bicep bounds <c>authTenantId</c> to it.</summary>
    public const int TenantIdLength = 36;

    /// <summary>
    /// <c>Authentication__TenantId</c>: the Microsoft Entra tenant whose principals are accepted; a
    /// signed-in principal with another <c>tid</c> is refused. Required in Azure.
    /// </summary>
    public string? TenantId { get; set; }

    /// <summary><c>Authentication__DevelopmentPrincipal__*</c>: who a local caller is, honoured only on loopback in Development.</summary>
    public DevelopmentPrincipalSettings DevelopmentPrincipal { get; set; } = new();
}
