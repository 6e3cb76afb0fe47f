using System.CommandLine;
using Cee.Cli.Output;
using Cee.Routing.Centers;
using Spectre.Console;

namespace Cee.Cli.Commands;

/// <summary><c>cee centers [--json]</c>: the ten Centers and their topics.</summary>
public static class CentersCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("centers", "List the ten Centers with their ACE IDs, offices, industries and Service Bus topics.");
        command.Options.Add(json);
        command.SetAction(parseResult => Execute(context, parseResult.GetValue(json)));
        return command;
    }

    private static int Execute(CliContext context, bool json)
    {
        var catalog = CenterCatalog.Default;
        if (json)
        {
            CliJson.Write(context.Output, catalog.All.Select(CenterSummary.From).ToList());
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("ID", "Team", "Center", "Managed from", "Topic", "Industries");
        foreach (var center in catalog.All)
        {
            table.AddRow(
                Markup.Escape(center.Id),
                Markup.Escape(center.TeamCode),
                Markup.Escape(center.Name),
                Markup.Escape(center.ManagedFrom),
                Markup.Escape(center.Topic),
                Markup.Escape(center.Industries));
        }

        context.Console.Write(table);
        context.Console.WriteLine($"Triage topic (documents awaiting a person): {catalog.TriageTopic}");
        context.Console.WriteLine($"NOTELG and PNDING are importer-account states, not Centers. Topology version {catalog.Version}.");
        return ExitCodes.Ok;
    }
}
