using System.CommandLine;
using System.Text.Json.Serialization;
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
            CliJson.Write(context.Output, catalog.All.Select(CenterJson.From).ToList());
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

    /// <summary>One Center in <c>cee centers --json</c>.</summary>
    public sealed record CenterJson(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("teamCode")] string TeamCode,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("managedFrom")] string ManagedFrom,
        [property: JsonPropertyName("industries")] string Industries,
        [property: JsonPropertyName("topic")] string Topic)
    {
        public static CenterJson From(Center c) => new(c.Id, c.TeamCode, c.Name, c.ManagedFrom, c.Industries, c.Topic);
    }
}
