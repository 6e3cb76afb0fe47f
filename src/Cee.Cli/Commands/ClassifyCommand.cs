using System.CommandLine;
using Cee.Cli.Output;
using Cee.Routing.Htsus;
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

    private static int Execute(CliContext context, string[] inputs, HtsRuleTable table, bool json)
    {
        var results = HtsDryRun.Classify(inputs, table);
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
}
