using BenchmarkDotNet.Running;

// Run all:        dotnet run -c Release --project bench/Cee.Benchmarks -- --filter '*'
// Run one class:  dotnet run -c Release --project bench/Cee.Benchmarks -- --filter '*HtsClassification*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
