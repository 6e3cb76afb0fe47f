using System.CommandLine;
using System.Text.Json.Serialization;
using Cee.Cli.Output;
using Cee.Routing.Htsus;
using Cee.Routing.Identifiers;
using Spectre.Console;

namespace Cee.Cli.Commands;

/// <summary><c>cee classify &lt;hts&gt;... [--rules file] [--json]</c>: which Center each HTSUS number belongs to, and why.</summary>
public static class ClassifyCommand
{
    public static Command Create(CliContext context)
    {
        var numbers = new Argument<string[]>("hts")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "HTSUS numbers, e.g. 8471.30.0100, 8471.30.01.00 or 8471300100 (2 to 10 digits).",
        };
        CommonOptions.RejectOptionLikeValues(numbers);
        var rules = CommonOptions.Rules();
        var json = CommonOptions.Json();
        var command = new Command("classify", "Find the Center each HTSUS number belongs to, with the rule that decided it and its provenance.");
        command.Arguments.Add(numbers);
        command.Options.Add(rules);
        command.Options.Add(json);
        command.SetAction(parseResult => Execute(
            context,
            parseResult.GetRequiredValue(numbers),
            RuleTableLoader.Load(parseResult.GetValue(rules)),
            parseResult.GetValue(json)));
        return command;
    }

    /// <summary>Classifies each input in order; never throws for bad input.</summary>
    public static IReadOnlyList<ClassifyResult> Classify(IEnumerable<string> inputs, HtsRuleTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return inputs.Select(input => ClassifyOne(input, table)).ToList();
    }

    private static ClassifyResult ClassifyOne(string input, HtsRuleTable table)
    {
        if (!HtsNumber.TryParse(input, out var hts, out var error))
        {
            return new ClassifyResult(input, false, null, null, null, null, null, HtsNumber.Describe(error));
        }

        var classification = table.Classify(hts);
        var rule = classification.Rule;
        return new ClassifyResult(
            input,
            true,
            hts.ToString(),
            rule?.Center.Id,
            rule?.Center.Name,
            rule?.Key,
            rule is null ? null : ProvenanceName(rule.Provenance),
            classification.Explanation);
    }

    private static string ProvenanceName(RuleProvenance provenance) =>
        provenance == RuleProvenance.Official ? "official" : "inferred";

    private static int Execute(CliContext context, string[] inputs, HtsRuleTable table, bool json)
    {
        var results = Classify(inputs, table);
        if (json)
        {
            CliJson.Write(context.Output, results);
        }
        else
        {
            var grid = new Table().AddColumns("Input", "HTS", "Center", "Rule", "Provenance", "Note");
            foreach (var r in results)
            {
                grid.AddRow(
                    Markup.Escape(r.Input),
                    Markup.Escape(r.Hts ?? "-"),
                    Markup.Escape(r.Center is null ? "-" : $"{r.Center} {r.CenterName}"),
                    Markup.Escape(r.Rule ?? "-"),
                    Markup.Escape(r.Provenance ?? "-"),
                    r.Valid ? Markup.Escape(r.Error ?? string.Empty) : $"[red]{Markup.Escape(r.Error ?? string.Empty)}[/]");
            }

            context.Console.Write(grid);
            context.Console.WriteLine($"Rules table {table.Version}.");
        }

        return results.All(r => r.Valid) ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    /// <summary>One input's answer in <c>cee classify --json</c>.</summary>
    public sealed record ClassifyResult(
        [property: JsonPropertyName("input")] string Input,
        [property: JsonPropertyName("valid")] bool Valid,
        [property: JsonPropertyName("hts")] string? Hts,
        [property: JsonPropertyName("center")] string? Center,
        [property: JsonPropertyName("centerName")] string? CenterName,
        [property: JsonPropertyName("rule")] string? Rule,
        [property: JsonPropertyName("provenance")] string? Provenance,
        [property: JsonPropertyName("error")] string? Error);
}
