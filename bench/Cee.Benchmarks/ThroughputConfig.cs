using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Cee.Benchmarks;

/// <summary>Adds a column with the Base64 input rate (MB/s, 10^6 bytes) of <see cref="DisReaderBenchmarks"/>.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new Base64ThroughputColumn());

    private sealed class Base64ThroughputColumn : IColumn
    {
        public string Id => nameof(Base64ThroughputColumn);

        public string ColumnName => "Base64 MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Base64 input bytes per second, in 10^6 bytes";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } statistics)
            {
                return "-";
            }

            var lineLength = (int)benchmarkCase.Parameters[nameof(DisReaderBenchmarks.Base64LineLength)];
            var bytes = DisReaderBenchmarks.Documents * EncodedLength(DisReaderBenchmarks.DecodedBytesPerDocument, lineLength);
            var seconds = statistics.Mean / 1e9;
            return (bytes / 1e6 / seconds).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        private static long EncodedLength(int decoded, int lineLength)
        {
            long plain = (decoded + 2) / 3 * 4;
            return lineLength <= 0 ? plain : plain + (((plain + lineLength - 1) / lineLength) * 2);
        }
    }
}
