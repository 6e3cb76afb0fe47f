using System.Xml;
using System.Xml.Schema;

namespace Cee.Tests;

/// <summary>
/// Validates XML against CBP's DIS schema with System.Xml.Schema (no external tool). The schema is CBP's
/// and stays outside this repository: it is read from <c>../shared/dis-schema</c> relative to the
/// repository root, where developers and CI have it. Linked into every test project.
/// </summary>
internal static class DisSchema
{
    private static readonly Lazy<XmlSchemaSet> LazySchemas = new(Load);

    /// <summary>The folder holding MessageEnvelope.xsd and the files it includes.</summary>
    public static string Directory => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "dis-schema"));

    public static string EnvelopeSchema => Path.Combine(Directory, "MessageEnvelope.xsd");

    /// <summary>
    /// Why validation cannot run here, or null when it can. With <c>CI=true</c> a missing schema is never
    /// a reason to skip: the tests run and fail, saying where the schema was looked for.
    /// </summary>
    public static string? SkipReason =>
        File.Exists(EnvelopeSchema) || IsCi ? null : $"CBP's DIS schema is not at {EnvelopeSchema} (../shared/dis-schema from the repository root); validation was not run here.";

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every schema error and warning in <paramref name="xml"/>, each with its line and position; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(byte[] xml)
    {
        using var stream = new MemoryStream(xml, writable: false);
        return Validate(stream);
    }

    public static IReadOnlyList<string> Validate(Stream xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = LazySchemas.Value,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) =>
            problems.Add($"{e.Severity} at line {e.Exception.LineNumber}, position {e.Exception.LinePosition}: {e.Message}");

        try
        {
            using var reader = XmlReader.Create(xml, settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException ex)
        {
            problems.Add($"not well-formed: {ex.Message}");
        }

        return problems;
    }

    /// <summary>The problems of each file, keyed by path; files with none are left out.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ValidateFiles(IEnumerable<string> paths) =>
        paths.Select(path => (path, problems: Validate(File.ReadAllBytes(path))))
            .Where(r => r.problems.Count > 0)
            .ToDictionary(r => r.path, r => r.problems);

    private static XmlSchemaSet Load()
    {
        if (!File.Exists(EnvelopeSchema))
        {
            throw new FileNotFoundException(
                $"CBP's DIS schema is not at {EnvelopeSchema}. It is kept outside the repository, at ../shared/dis-schema from its root; with CI=true its absence fails the schema tests instead of skipping them.",
                EnvelopeSchema);
        }

        // The schema files include one another (MessageValidationResponse.xsd includes MessageEnvelope.xsd
        // back); the resolver reads only local files under the schema folder.
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var errors = new List<string>();
        schemas.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using (var reader = XmlReader.Create(EnvelopeSchema, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            schemas.Add(null, reader);
        }

        schemas.Compile();
        if (errors.Count > 0)
        {
            throw new XmlSchemaException($"CBP's DIS schema at {Directory} did not compile: {string.Join("; ", errors)}");
        }

        return schemas;
    }
}
