using System.Diagnostics;
using Cee.Tests;

namespace Cee.Cli.Tests.Support;

/// <summary>
/// The built <c>cee</c> as a real child process (<c>dotnet src/Cee.Cli/bin/&lt;Configuration&gt;/net10.0/cee.dll</c>),
/// for what in-process runs cannot show: a SIGKILL, two processes on one folder.
/// </summary>
internal sealed class CeeProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private CeeProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The cee.dll built in the same configuration as these tests.</summary>
    public static string CeeDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = RepositoryPaths.Combine("src", "Cee.Cli", "bin", configuration, "net10.0", "cee.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"build src/Cee.Cli ({configuration}) first: {path} is missing", path);
        }
    }

    public bool HasExited => _process.HasExited;

    public static CeeProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CeeDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new CeeProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>SIGKILL (Process.Kill sends SIGKILL on Linux): no handler, no flush, no finally runs.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Waits for the process to end; its exit code (137 after a SIGKILL) and what it wrote.</summary>
    public async Task<(int ExitCode, string Output, string Error)> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"cee did not end within {timeout}");
        }

        return (_process.ExitCode, await _output, await _error);
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        return await process.WaitAsync(timeout);
    }

    public void Dispose() => _process.Dispose();
}
