using System.Text.Json.Serialization;
using Cee.Routing.Intake;

namespace Cee.Routing.Dis;

/// <summary>The DIS <c>PackageIdentifier</c>: category, name and the importer of record.</summary>
public sealed record DisPackageIdentifier(
    [property: JsonPropertyName("packageCategory")] string? PackageCategory,
    [property: JsonPropertyName("packageName")] string? PackageName,
    [property: JsonPropertyName("importerOfRecord")] ImporterField? ImporterOfRecord);
