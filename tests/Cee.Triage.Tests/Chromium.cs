using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Cee.Triage.Tests;

/// <summary>
/// Headless Chromium from the system's packages (Debian's <c>chromium</c> and <c>chromium-driver</c>,
/// which eng/services.sh installs when they are missing), driven by Selenium. Nothing is downloaded:
/// the browser and the driver are named by path, so Selenium Manager never runs. A machine without
/// them fails these tests, saying what to install; they are never skipped.
/// </summary>
public sealed class Chromium : IDisposable
{
    /// <summary>The viewport the console is designed for, and the screenshot's size.</summary>
    public static readonly Size Desktop = new(1280, 800);

    public Chromium()
    {
        var browser = Find("CEE_CHROMIUM", "/usr/bin/chromium");
        var driver = Find("CEE_CHROMEDRIVER", "/usr/bin/chromedriver");
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", "--hide-scrollbars", $"--window-size={Desktop.Width},{Desktop.Height}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(30);
        // The window's size is not its viewport's (a headless window keeps room for its frame): set the viewport itself.
        Viewport(Desktop);
    }

    public ChromeDriver Driver { get; }

    /// <summary>Sets the viewport (not the window) to <paramref name="size"/>: what a screen of that size shows.</summary>
    public void Viewport(Size size)
    {
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = size.Width,
            ["height"] = size.Height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = size.Width < 600,
        });
    }

    /// <summary>Back to the desktop viewport.</summary>
    public void ResetViewport() => Viewport(Desktop);

    /// <summary>Waits (at most 30 s) until <paramref name="condition"/> holds, and returns its value.</summary>
    public T Until<T>(Func<IWebDriver, T> condition, string what)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(30)) { Message = what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }

    private static string Find(string variable, string fallback)
    {
        var path = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set ? set : fallback;
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"{path} is missing: the triage console's browser tests need Debian's chromium and chromium-driver packages " +
                $"(sudo apt-get install -y chromium chromium-driver; eng/services.sh installs them), or {variable} naming the binary.");
    }
}
