using System.Globalization;
using System.Text;
using Cee.Routing.Identifiers;

namespace Cee.Samples;

/// <summary>
/// Makes a deterministic mixture of small drops for load runs (<c>cee samples generate</c>): entry
/// summaries of importers with accounts at every Center, importers without accounts routed by their
/// HTSUS lines, NOTELG and PNDING accounts, CF-28 responses, protests over several entries, bare
/// documents with and without manifests, ties, and faults (bad check digits, invalid Base64,
/// truncation, XXE, withdrawals, exact duplicates). The same count and seed give the same bytes.
/// </summary>
public static class LoadGenerator
{
    /// <summary>Real HTSUS numbers that the embedded rules give to each Center (a test checks them).</summary>
    public static IReadOnlyDictionary<string, string[]> HtsByCenter { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["CEE001"] = ["3004.90.9290", "3002.15.0100", "2933.39.9200", "9018.39.0050"],
        ["CEE002"] = ["0803.90.0045", "2204.21.5045", "1006.30.9010", "0306.17.0040"],
        ["CEE003"] = ["8703.23.0190", "8708.99.8180", "8708.30.5090", "8802.30.0040"],
        ["CEE004"] = ["6109.10.0012", "6110.20.2079", "6403.99.9065", "5208.52.4055"],
        ["CEE005"] = ["7208.51.0030", "7306.30.5028", "7604.29.1090", "7318.15.2095"],
        ["CEE006"] = ["2710.19.3050", "2709.00.2090", "2711.11.0000", "2601.11.0030"],
        ["CEE007"] = ["8471.30.0100", "8517.13.0000", "8542.31.0001", "8528.72.6400"],
        ["CEE008"] = ["9403.60.8081", "9503.00.0073", "3304.99.5000", "4202.92.3131"],
        ["CEE009"] = ["3926.90.9985", "4011.10.1010", "4418.20.4000", "4818.10.0020"],
        ["CEE010"] = ["8481.80.9050", "8413.70.2004", "8429.52.5010", "8501.52.8040"],
    };

    private static readonly string[] Centers = [.. HtsByCenter.Keys];
    private static readonly string[] Ports = ["2704", "2709", "1001", "3801", "5301", "2304", "3901", "5201", "0901", "2809", "1704", "2006"];

    // Share of each kind, in per mille; the rest are entry summaries of importers with an account.
    private static readonly (string Kind, int PerMille)[] Kinds =
    [
        ("entry-summary by HTSUS", 120),
        ("entry-summary NOTELG/PNDING", 40),
        ("cf28-response", 50),
        ("protest", 30),
        ("bare document with manifest", 80),
        ("bare document without manifest", 20),
        ("tie", 30),
        ("bad check digit", 15),
        ("invalid base64", 10),
        ("truncated", 10),
        ("xxe", 5),
        ("withdrawal", 10),
        ("duplicate", 40),
    ];

    public static GeneratedSet Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var accounts = MakeAccounts(random, 200);
        var requests = Enumerable.Range(1, 50)
            .Select(i => (Id: string.Create(CultureInfo.InvariantCulture, $"CF28-{Ports[i % Ports.Length]}-{1_000_000 + i:0000000}"), Center: Centers[random.Next(Centers.Length)]))
            .ToList();
        var files = new List<SampleFile>();
        var mix = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var made = new List<SampleFile>();
        for (var n = 1; n <= count; n++)
        {
            var kind = PickKind(random);
            if (kind == "duplicate" && made.Count == 0)
            {
                kind = "entry-summary by account";
            }

            mix[kind] = mix.GetValueOrDefault(kind) + 1;
            var port = Ports[random.Next(Ports.Length)];
            var name = string.Create(CultureInfo.InvariantCulture, $"drops/{port}/drop-{n:000000}");
            foreach (var file in Make(kind, name, random, accounts, requests, made))
            {
                files.Add(file);
                if (!file.Path.EndsWith(".cee.json", StringComparison.Ordinal))
                {
                    made.Add(file);
                }
            }
        }

        files.Add(new SampleFile("accounts.json", Encoding.UTF8.GetBytes(AccountsJson(accounts))));
        files.Add(new SampleFile("requests.json", Encoding.UTF8.GetBytes(RequestsJson(requests))));
        return new GeneratedSet(files, mix);
    }

    private static string PickKind(Random random)
    {
        var roll = random.Next(1000);
        foreach (var (kind, perMille) in Kinds)
        {
            if (roll < perMille)
            {
                return kind;
            }

            roll -= perMille;
        }

        return "entry-summary by account";
    }

    private static IEnumerable<SampleFile> Make(string kind, string name, Random random, List<(string Importer, string Center)> accounts, List<(string Id, string Center)> requests, List<SampleFile> made)
    {
        var assigned = accounts.Where(a => a.Center.StartsWith("CEE", StringComparison.Ordinal)).ToList();
        switch (kind)
        {
            case "entry-summary by account":
                var account = assigned[random.Next(assigned.Count)];
                yield return Xml(name, Package(random, account.Importer).WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", "invoice.pdf", "PDF", d => Lines(d, random, Centers[random.Next(Centers.Length)], 3)));
                break;
            case "entry-summary by HTSUS":
                yield return Xml(name, Package(random, UnknownImporter(random)).WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", "invoice.pdf", "PDF", d => Lines(d, random, Centers[random.Next(Centers.Length)], 3)));
                break;
            case "entry-summary NOTELG/PNDING":
                var special = accounts.Where(a => !a.Center.StartsWith("CEE", StringComparison.Ordinal)).ToList();
                yield return Xml(name, Package(random, special[random.Next(special.Count)].Importer).WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", "invoice.pdf", "PDF", d => Lines(d, random, Centers[random.Next(Centers.Length)], 2)));
                break;
            case "cf28-response":
                var request = requests[random.Next(requests.Count)];
                yield return Xml(name, Package(random, assigned[random.Next(assigned.Count)].Importer)
                    .WithRequest(request.Id, "CF28", "2026-11-02T09:30:00Z")
                    .WithDocument(SampleDocuments.Pdf("Response to CBP Form 28 " + request.Id), "CBP Form 28 Response", "cf28-response.pdf", "PDF"));
                break;
            case "protest":
                var protest = Package(random, assigned[random.Next(assigned.Count)].Importer).WithoutEntries().WithPackage("PROTEST", "Protest");
                for (var i = random.Next(2, 4); i > 0; i--)
                {
                    var entry = EntryNumberFor(random);
                    protest.WithEntrySummary(entry, entry[..3]);
                }

                yield return Xml(name, protest.WithDocument(SampleDocuments.Pdf("CBP Form 19 Protest"), "CBP Form 19", "protest.pdf", "PDF"));
                break;
            case "bare document with manifest":
                var (bytes, extension) = BareDocument(random, name);
                var path = $"{name}.{extension}";
                yield return new SampleFile(path, bytes);
                var owner = accounts[random.Next(accounts.Count)].Importer;
                var hts = HtsByCenter[Centers[random.Next(Centers.Length)]][random.Next(4)];
                yield return new SampleFile(path + ".cee.json", Encoding.UTF8.GetBytes(
                    $$"""{ "port": "2704", "entryNumbers": ["{{EntryNumberFor(random)}}"], "importerNumber": "{{owner}}", "documentLabel": "Commercial Invoice", "lines": [{ "hts": "{{hts}}", "line": 1 }] }""" + "\n"));
                break;
            case "bare document without manifest":
                var (scan, scanExtension) = BareDocument(random, name);
                yield return new SampleFile($"{name}.{scanExtension}", scan);
                break;
            case "tie":
                yield return Xml(name, Package(random, UnknownImporter(random)).WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", "invoice.pdf", "PDF", d =>
                {
                    d.Commodities.Add((HtsByCenter["CEE001"][0], "1"));
                    d.Commodities.Add((HtsByCenter["CEE007"][0], "2"));
                }));
                break;
            case "bad check digit":
                var good = EntryNumberFor(random);
                var bad = good[..^1] + (char)('0' + ((good[^1] - '0' + 1) % 10));
                yield return Xml(name, Package(random, UnknownImporter(random)).WithoutEntries().WithEntrySummary(bad, bad[..3]).WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", "invoice.pdf", "PDF"));
                break;
            case "invalid base64":
                yield return Xml(name, Package(random, UnknownImporter(random)).WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", "invoice.pdf", "PDF", d => d.RawObject = "JVBERi0x%%%"));
                break;
            case "truncated":
                var whole = Package(random, UnknownImporter(random)).WithDocument(SampleDocuments.Pdf(), "Commercial Invoice", "invoice.pdf", "PDF").ToBytes();
                yield return new SampleFile(name + ".xml", whole[..(whole.Length / 2)]);
                break;
            case "xxe":
                yield return new SampleFile(name + ".xml", Encoding.UTF8.GetBytes(
                    $"<?xml version=\"1.0\"?>\n<!-- {name} -->\n<!DOCTYPE MessageEnvelope [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n<MessageEnvelope xmlns=\"http://cbp.dhs.gov/DIS\">&x;</MessageEnvelope>\n"));
                break;
            case "withdrawal":
                yield return Xml(name, Package(random, UnknownImporter(random)).WithPayload("DocumentWithdrawal"));
                break;
            default:
                // An exact copy of an earlier drop, under another name.
                var original = made[random.Next(made.Count)];
                yield return new SampleFile(name + Path.GetExtension(original.Path), original.Content);
                break;
        }
    }

    private static DisPackageBuilder Package(Random random, string importer)
    {
        var entry = EntryNumberFor(random);
        return new DisPackageBuilder()
            .WithMessage(string.Create(CultureInfo.InvariantCulture, $"MSG-{random.Next():x8}"), "2026-11-21T14:05:00Z")
            .WithPreparer(entry[..3])
            .WithPackageImporter(importer)
            .WithoutEntries()
            .WithEntrySummary(entry, entry[..3])
            .WithPort(Ports[random.Next(Ports.Length)])
            .Compact();
    }

    private static void Lines(DisDocumentSpec document, Random random, string center, int count)
    {
        for (var line = 1; line <= count; line++)
        {
            document.Commodities.Add((HtsByCenter[center][random.Next(4)], line.ToString(CultureInfo.InvariantCulture)));
        }
    }

    // Each scan differs from every other (its text, comment or size), so only the "duplicate" kind makes duplicates.
    private static (byte[] Bytes, string Extension) BareDocument(Random random, string name) => random.Next(4) switch
    {
        0 => (SampleDocuments.Pdf("Commercial Invoice " + name), "pdf"),
        1 => (SampleDocuments.Tiff(8 + random.Next(64), 4 + random.Next(64), bigEndian: random.Next(2) == 0), "tif"),
        2 => (SampleDocuments.Jpeg(name), "jpg"),
        _ => (SampleDocuments.Png(8 + random.Next(64), 4 + random.Next(64)), "png"),
    };

    private static string EntryNumberFor(Random random)
    {
        var filer = random.Next(100, 1000).ToString(CultureInfo.InvariantCulture);
        var serial = random.Next(0, 10_000_000).ToString("0000000", CultureInfo.InvariantCulture);
        return $"{filer}-{serial}-{EntryNumber.ComputeCheckDigit(filer + serial)}";
    }

    private static string UnknownImporter(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"{random.Next(10, 100)}-{random.Next(0, 10_000_000):0000000}00");

    private static List<(string Importer, string Center)> MakeAccounts(Random random, int count)
    {
        var accounts = new List<(string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            var center = roll < 5 ? "NOTELG" : roll < 8 ? "PNDING" : Centers[random.Next(Centers.Length)];
            var importer = i % 40 == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 666):000}-{random.Next(1, 100):00}-{random.Next(1, 10_000):0000}")
                : UnknownImporter(random);
            accounts.Add((importer, center));
        }

        return accounts;
    }

    private static string AccountsJson(List<(string Importer, string Center)> accounts) =>
        "[\n" + string.Join(",\n", accounts.Select(a => $$"""  { "importerNumber": "{{a.Importer}}", "center": "{{a.Center}}" }""")) + "\n]\n";

    private static string RequestsJson(List<(string Id, string Center)> requests) =>
        "[\n" + string.Join(",\n", requests.Select(r => $$"""  { "requestId": "{{r.Id}}", "center": "{{r.Center}}" }""")) + "\n]\n";

    private static SampleFile Xml(string name, DisPackageBuilder builder) => new(name + ".xml", builder.ToBytes());
}
