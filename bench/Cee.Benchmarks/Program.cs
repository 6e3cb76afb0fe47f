using BenchmarkDotNet.Running;
using Cee.Benchmarks;

// Run all:        dotnet run -c Release --project bench/Cee.Benchmarks -- --filter '*'
// Run one class:  dotnet run -c Release --project bench/Cee.Benchmarks -- --filter '*HtsClassification*'
// DIS memory:     dotnet run -c Release --project bench/Cee.Benchmarks -- --dis-memory
// Route memory:   dotnet run -c Release --project bench/Cee.Benchmarks -- --route-memory
if (args is ["--dis-memory"])
{
    await DisReaderMemoryCheck.RunAsync(Console.Out);
    return;
}

if (args is ["--route-memory"])
{
    await RouteMemoryCheck.RunAsync(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
