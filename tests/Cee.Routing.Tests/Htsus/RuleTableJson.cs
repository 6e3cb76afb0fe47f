using System.Text;

namespace Cee.Routing.Tests.Htsus;

/// <summary>Builds small rules tables as JSON streams for validation tests.</summary>
internal static class RuleTableJson
{
    /// <summary>A chapter row for every chapter 01–97, so that only the rows under test can fail validation.</summary>
    public const string AllChapters =
        """{ "hts": "01-97", "center": "CEE002", "provenance": "inferred", "reason": "test base", "effective": "2026-11-22" }""";

    public static MemoryStream Table(params string[] rows) =>
        Stream($$"""{ "version": "test-1", "rules": [ {{string.Join(",\n", rows)}} ] }""");

    public static MemoryStream Stream(string json) => new(Encoding.UTF8.GetBytes(json));

    public static string Row(string hts, string center, string provenance = "inferred", string? source = null) =>
        provenance == "official"
            ? $$"""{ "hts": "{{hts}}", "center": "{{center}}", "provenance": "official", "source": "{{source ?? "test notice"}}", "effective": "2015-01-28" }"""
            : $$"""{ "hts": "{{hts}}", "center": "{{center}}", "provenance": "{{provenance}}", "reason": "{{source ?? "test reason"}}", "effective": "2026-11-22" }""";
}
