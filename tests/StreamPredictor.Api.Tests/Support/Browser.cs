using System.Diagnostics;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>
/// Headless Chromium driven through chromedriver: <c>STREAM_CHROMIUM</c> and <c>STREAM_CHROMEDRIVER</c>, which
/// <c>test.sh</c> sets (Debian's <c>chromium</c> and <c>chromium-driver</c>, installed or fetched without root), else
/// the installed ones. A fresh profile per instance, so nothing (a key in session storage) carries between tests.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly DirectoryInfo _profile = Directory.CreateTempSubdirectory("stream-chromium-");

    public Browser(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        var chromium = Find("STREAM_CHROMIUM", "chromium", "/usr/bin/chromium");
        var chromedriver = Find("STREAM_CHROMEDRIVER", "chromedriver", "/usr/bin/chromedriver");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
            "--disable-extensions", "--window-size=1400,1100", $"--user-data-dir={_profile.FullName}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        Driver = new ChromeDriver(service, options, TimeSpan.FromMinutes(2));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromMinutes(1);
    }

    public ChromeDriver Driver { get; }

    public Uri BaseAddress { get; }

    public void Open(string path = "/") => Driver.Navigate().GoToUrl(new Uri(BaseAddress, path));

    /// <summary>Types a key (or token) into the sign-in form and submits it.</summary>
    public void SignIn(string credential)
    {
        var key = Driver.FindElement(By.Id("key"));
        key.Clear();
        key.SendKeys(credential);
        Driver.FindElement(By.CssSelector("#login-form button[type=submit]")).Click();
    }

    public IWebElement Element(string id) => Driver.FindElement(By.Id(id));

    /// <summary>An element's text; found again when the page replaced it between the lookup and the read (a live update).</summary>
    public string Text(string id)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Element(id).Text;
            }
            catch (StaleElementReferenceException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>An element's <c>data-NAME</c>; empty when the element or the attribute is absent.</summary>
    public string Data(string id, string name) =>
        Driver.ExecuteScript($"return document.getElementById(arguments[0])?.dataset[arguments[1]] ?? ''", id, name) as string ?? "";

    public bool Visible(string id) => (bool)Driver.ExecuteScript("const e = document.getElementById(arguments[0]); return !!e && !e.closest('[hidden]') && e.getClientRects().length > 0", id)!;

    public object? Script(string script, params object[] args) => Driver.ExecuteScript(script, args);

    /// <summary>Marks the current document; <see cref="StillSameDocument"/> is false once the page reloaded or navigated.</summary>
    public void MarkDocument() => Script("window.__streamTestMark = 'unreloaded'");

    public bool StillSameDocument() => Script("return window.__streamTestMark ?? null") as string == "unreloaded";

    /// <summary>
    /// Reads <paramref name="probe"/> every 25 ms until <paramref name="done"/> holds; returns the value and how long
    /// that took. Fails after <paramref name="deadline"/> (generous: a loaded machine), naming what was awaited and last seen.
    /// </summary>
    public async Task<(T Value, TimeSpan After)> WaitForAsync<T>(string what, Func<T> probe, Func<T, bool> done, TimeSpan? deadline = null)
    {
        var limit = deadline ?? TimeSpan.FromSeconds(60);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = probe();
            if (done(value))
            {
                return (value, clock.Elapsed);
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"{what}: not reached within {limit.TotalSeconds:0} s; last seen: '{value}'; browser log: {string.Join(" | ", Log())}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>The page's console lines (errors, warnings, CSP violations) since the last call.</summary>
    public IReadOnlyList<string> Log() => [.. Driver.Manage().Logs.GetLog(LogType.Browser).Select(e => $"{e.Level}: {e.Message}")];

    /// <summary>A console line of an uncaught script error or a content-security-policy violation (not a 404 the page expects).</summary>
    public static bool IsScriptError(string line) =>
        line.Contains("Uncaught", StringComparison.Ordinal) || line.Contains("Content Security Policy", StringComparison.Ordinal);

    public void Screenshot(string path) => Driver.GetScreenshot().SaveAsFile(path);

    /// <summary>Saves a screenshot as NAME.png in the folder <c>STREAM_WEB_SCREENSHOTS</c> names, when it names one (to look at the page a test saw).</summary>
    public void KeepScreenshot(string name)
    {
        if (Environment.GetEnvironmentVariable("STREAM_WEB_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            Screenshot(Path.Combine(folder, name + ".png"));
        }
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; the temp folder is cleaned by the system.
        }
    }

    private static string Find(string variable, string name, string fallback)
    {
        var path = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set ? set : fallback;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{name} not found at {path}: run the tests with 'bash test.sh' (it fetches Debian's chromium and chromium-driver), or set {variable}");
    }
}
