using System.CommandLine;
using System.Globalization;
using Cee.Samples;
using Spectre.Console;

namespace Cee.Cli.Commands;

/// <summary><c>cee samples generate --count N --out dir [--seed S]</c>: a deterministic load of small drops for load runs.</summary>
public static class SamplesCommand
{
    public const int MaxCount = 1_000_000;

    public static Command Create(CliContext context)
    {
        var count = new Option<int>("--count") { Description = $"How many drops (1 to {MaxCount:N0}).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write: drops/<port>/…, accounts.json, requests.json.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the mixture: the same count and seed give the same bytes (default 2026).", DefaultValueFactory = _ => 2026 };
        var generate = new Command("generate", "Write a deterministic mixture of Centers, document kinds and faults, with its accounts and requests files.");
        generate.Options.Add(count);
        generate.Options.Add(output);
        generate.Options.Add(seed);
        generate.SetAction((parseResult, cancellationToken) => GenerateAsync(
            context, parseResult.GetValue(count), parseResult.GetRequiredValue(output), parseResult.GetValue(seed), cancellationToken));

        var samples = new Command("samples", "Make sample drops.");
        samples.Subcommands.Add(generate);
        return samples;
    }

    private static async Task<int> GenerateAsync(CliContext context, int count, DirectoryInfo output, int seed, CancellationToken cancellationToken)
    {
        if (count is < 1 or > MaxCount)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--count must be between 1 and {MaxCount:N0}."));
        }

        if (output.Exists && output.EnumerateFileSystemInfos().Any())
        {
            throw new UsageException($"'{output.FullName}' is not empty: generate into a new folder, so that no earlier drop is mixed in.");
        }

        var set = LoadGenerator.Generate(count, seed);
        foreach (var file in set.Files)
        {
            var path = Path.Combine(output.FullName, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
        }

        var table = new Table().AddColumns("Kind", "Drops");
        foreach (var (kind, drops) in set.Mix)
        {
            table.AddRow(Markup.Escape(kind), drops.ToString(CultureInfo.InvariantCulture));
        }

        context.Console.Write(table);
        var drop = Path.Combine(output.FullName, "drops");
        context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {count} drops ({set.Files.Count} files, seed {seed}) to {output.FullName}. Route them:"));
        context.Console.WriteLine($"  cee route {drop} --accounts {Path.Combine(output.FullName, "accounts.json")} --requests {Path.Combine(output.FullName, "requests.json")} --out <dir>");
        return ExitCodes.Ok;
    }
}
