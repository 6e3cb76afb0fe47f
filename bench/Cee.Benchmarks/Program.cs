using BenchmarkDotNet.Running;
using Cee.Benchmarks;

// Run all:        dotnet run -c Release --project bench/Cee.Benchmarks -- --filter '*'
// Run one class:  dotnet run -c Release --project bench/Cee.Benchmarks -- --filter '*HtsClassification*'
// DIS memory:     dotnet run -c Release --project bench/Cee.Benchmarks -- --dis-memory
// Route memory:   dotnet run -c Release --project bench/Cee.Benchmarks -- --route-memory
// With Azurite and the Cosmos server (eng/bench-engine.sh starts them, runs this, stops them):
//   real engine:  ./eng/bench-engine.sh --filter '*EngineRoute*'
//   Blob memory:  ./eng/bench-engine.sh --blob-memory
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

if (args is ["--blob-memory"])
{
    await BlobMemoryCheck.RunAsync(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RouteBenchmarks).Assembly).Run(args);
