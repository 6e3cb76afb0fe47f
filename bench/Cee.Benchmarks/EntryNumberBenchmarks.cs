using BenchmarkDotNet.Attributes;
using Cee.Routing.Identifiers;

namespace Cee.Benchmarks;

/// <summary>
/// Entry-number validation as the DIS intake sees it: a batch of 1,024 strings, dashed and
/// undashed, some with letter filer codes or stray whitespace, about 10% invalid. Target: at
/// least 20 million validations per second per core and nothing allocated.
/// </summary>
[MemoryDiagnoser]
public class EntryNumberBenchmarks
{
    private const int BatchSize = 1024;

    private string[] _inputs = [];

    [GlobalSetup]
    public void Setup()
    {
        // Fixed seed: every run validates the same mix.
        var random = new Random(1423);
        _inputs = new string[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            _inputs[i] = NextInput(random);
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int TryParse()
    {
        var valid = 0;
        foreach (var input in _inputs)
        {
            if (EntryNumber.TryParse(input, out _, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    private static string NextInput(Random random)
    {
        // Filer codes are mostly digits in practice; a fifth carry letters, a few in lower case.
        const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var chars = new char[11];
        for (var i = 0; i < 3; i++)
        {
            chars[i] = random.Next(5) == 0 ? letters[random.Next(letters.Length)] : (char)('0' + random.Next(10));
        }

        for (var i = 3; i < 10; i++)
        {
            chars[i] = (char)('0' + random.Next(10));
        }

        chars[10] = (char)('0' + EntryNumber.ComputeCheckDigit(chars.AsSpan(0, 10)));
        if (random.Next(20) == 0)
        {
            chars[0] = char.ToLowerInvariant(chars[0]);
        }

        var text = new string(chars);
        var roll = random.Next(100);
        text = roll switch
        {
            // ~10% invalid: mostly a wrong check digit (a typo), the rest shape faults.
            < 6 => text[..10] + (char)('0' + ((text[10] - '0' + 1 + random.Next(9)) % 10)),
            < 8 => text[..5] + 'O' + text[6..],
            < 10 => text[..10],
            _ => text,
        };

        var dashed = random.Next(2) == 0 && text.Length == 11;
        if (dashed)
        {
            text = $"{text[..3]}-{text[3..10]}-{text[10]}";
        }

        // A few arrive padded from fixed-width DIS fields.
        return random.Next(50) == 0 ? $" {text} " : text;
    }
}
