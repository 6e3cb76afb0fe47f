using BenchmarkDotNet.Attributes;
using Cee.Routing.Htsus;
using Cee.Routing.Identifiers;

namespace Cee.Benchmarks;

/// <summary>
/// Target (issue 2): at least 20 million classifications of 10-digit HTSUS numbers per second per
/// core, with zero allocation. 1,024 numbers spread over every chapter per invocation.
/// </summary>
[MemoryDiagnoser]
public class HtsClassificationBenchmarks
{
    private const int Count = 1024;

    private readonly HtsRuleTable _table = HtsRuleTable.Embedded;
    private HtsNumber[] _numbers = [];
    private string[] _written = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        _written = new string[Count];
        _numbers = new HtsNumber[Count];
        for (var i = 0; i < Count; i++)
        {
            int chapter;
            do
            {
                chapter = random.Next(1, 98);
            }
            while (chapter == 77);

            // Half dotted (8471.30.0100), half plain (8471300100), as they arrive from DIS.
            var digits = $"{chapter:00}{random.Next(1, 100):00}{random.Next(0, 1_000_000):000000}";
            _written[i] = i % 2 == 0 ? $"{digits[..4]}.{digits[4..6]}.{digits[6..]}" : digits;
            _numbers[i] = HtsNumber.Parse(_written[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Count, Baseline = true)]
    public int Classify()
    {
        var hits = 0;
        foreach (var number in _numbers)
        {
            if (_table.Classify(number).Rule is not null)
            {
                hits++;
            }
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int ParseAndClassify()
    {
        var hits = 0;
        foreach (var text in _written)
        {
            if (HtsNumber.TryParse(text, out var number) && _table.Classify(number).Rule is not null)
            {
                hits++;
            }
        }

        return hits;
    }
}
