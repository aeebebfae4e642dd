using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Milepost.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: a fresh data directory under /tmp, listening on a free
/// TCP port of 127.0.0.1 only, user "app" with trust authentication, fsync off (never do that with
/// data you want to keep). Disposing stops the server and deletes the directory.
/// </summary>
/// <remarks>
/// initdb and postgres refuse to run as root, so as root they run as the <c>postgres</c> user
/// through <c>runuser</c> on a directory chowned to it (see PITFALLS.md). A missing installation is
/// an error that says what to install, never a skipped test.
/// </remarks>
public sealed class PostgresCluster : IAsyncDisposable, IDisposable
{
    public const string User = "app";
    public const string InstallHint = "apt-get install -y postgresql";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;
    private int _disposed;

    private PostgresCluster(string rootDirectory, string binDirectory, bool asPostgresUser, int port, int serverProcessId)
    {
        RootDirectory = rootDirectory;
        _binDirectory = binDirectory;
        _asPostgresUser = asPostgresUser;
        Port = port;
        ServerProcessId = serverProcessId;
    }

    /// <summary>The temp directory holding the data directory and the server log.</summary>
    public string RootDirectory { get; }
    public string DataDirectory => Path.Combine(RootDirectory, "data");
    public string LogFile => Path.Combine(RootDirectory, "server.log");
    public int Port { get; }
    /// <summary>The postmaster's process id, from postmaster.pid once the server is up.</summary>
    public int ServerProcessId { get; }

    /// <summary>Creates and starts a cluster; throws <see cref="InvalidOperationException"/> with the server log when it cannot.</summary>
    public static async Task<PostgresCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("The throwaway PostgreSQL cluster runs on Linux (and macOS) only.");
        var bin = FindBinDirectory("/usr/lib/postgresql", Environment.GetEnvironmentVariable("PATH"));
        var asPostgres = Environment.IsPrivilegedProcess;
        if (asPostgres) EnsurePostgresUserCanRun();

        var root = Path.Combine("/tmp", "milepost-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            if (asPostgres)
                await RunCheckedAsync("chown", ["postgres:postgres", root], root, "chown of the cluster directory", cancellationToken).ConfigureAwait(false);

            var data = Path.Combine(root, "data");
            var initdb = await RunAsync(Path.Combine(bin, "initdb"),
                ["-D", data, "-A", "trust", "-U", User, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                asPostgres, root, cancellationToken).ConfigureAwait(false);
            if (initdb.ExitCode != 0)
                throw new InvalidOperationException($"initdb failed (exit {initdb.ExitCode}) in {data}:\n{initdb.Output}");

            // The free port may be taken by someone else before the server binds it: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var log = Path.Combine(root, "server.log");
                var start = await RunAsync(Path.Combine(bin, "pg_ctl"),
                    ["-D", data, "-l", log, "-w", "-t", "60",
                     "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off",
                     "start"],
                    asPostgres, root, cancellationToken).ConfigureAwait(false);
                if (start.ExitCode == 0)
                    return new PostgresCluster(root, bin, asPostgres, port, ReadPostmasterPid(data));

                var serverLog = ReadLog(log);
                if (attempt < 3 && serverLog.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
                    continue;
                throw new InvalidOperationException(
                    $"PostgreSQL did not start (pg_ctl exit {start.ExitCode}, port {port}, data {data}).\n" +
                    $"pg_ctl output:\n{start.Output}\nServer log ({log}):\n{serverLog}");
            }
        }
        catch
        {
            // Leave nothing behind: a server that started after a timeout is stopped, then the directory goes.
            var data = Path.Combine(root, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
                await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asPostgres, root, CancellationToken.None).ConfigureAwait(false);
            TryDeleteDirectory(root);
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on this cluster, as user "app".</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Creates an empty database (UTF-8, from template1) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>Drops a database, closing any connection still open to it (pooled ones included).</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // Pooled connections would otherwise outlive the server and fail on their next use.
        NpgsqlConnection.ClearAllPools();
        try
        {
            var stop = await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
                ["-D", DataDirectory, "-m", "immediate", "-w", "stop"],
                _asPostgresUser, RootDirectory, CancellationToken.None).ConfigureAwait(false);
            if (stop.ExitCode != 0)
                throw new InvalidOperationException(
                    $"pg_ctl stop failed (exit {stop.ExitCode}) for {DataDirectory}:\n{stop.Output}\nServer log:\n{ReadLog(LogFile)}");
            await WaitForExitAsync(ServerProcessId, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        finally
        {
            TryDeleteDirectory(RootDirectory);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// The directory holding initdb and pg_ctl: the highest version under <paramref name="libRoot"/>
    /// (Debian's /usr/lib/postgresql/&lt;version&gt;/bin), else the first on <paramref name="pathVariable"/>.
    /// </summary>
    internal static string FindBinDirectory(string libRoot, string? pathVariable)
    {
        static bool HasTools(string dir) => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

        if (Directory.Exists(libRoot))
        {
            var versioned = Directory.EnumerateDirectories(libRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: ParseVersion(Path.GetFileName(dir))))
                .Where(v => v.Version is not null && HasTools(v.Dir))
                .OrderByDescending(v => v.Version)
                .Select(v => v.Dir)
                .FirstOrDefault();
            if (versioned is not null) return versioned;
        }

        foreach (var dir in (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(dir, "initdb");
            if (!HasTools(dir)) continue;
            // Follow a symlink (e.g. /usr/local/bin/initdb) to the real bin directory, where postgres lives too.
            var target = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? dir : Path.GetDirectoryName(target.FullName)!;
        }

        throw new InvalidOperationException(
            $"The PostgreSQL server binaries (initdb, pg_ctl) were not found under {libRoot}/*/bin nor on PATH. " +
            $"The PostgreSQL tests need them: install them with `{InstallHint}` (as root).");
    }

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var v) ? v : null;

    private static void EnsurePostgresUserCanRun()
    {
        if (FindOnPath("runuser") is null)
            throw new InvalidOperationException("Running as root, the PostgreSQL tests start the server with `runuser -u postgres`, but runuser was not found (package util-linux).");
        if (!File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
            throw new InvalidOperationException(
                $"Running as root, the PostgreSQL tests run initdb as the `postgres` user, which does not exist. `{InstallHint}` creates it.");
    }

    /// <summary>
    /// pg_ctl -w returns once postmaster.pid is gone, a moment before the postmaster has exited;
    /// wait for the process itself (gone, or a zombie waiting for init) so that it is really over.
    /// </summary>
    private static async Task WaitForExitAsync(int pid, TimeSpan limit)
    {
        var stat = $"/proc/{pid}/stat";
        if (!Directory.Exists("/proc/self")) return;
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            string text;
            try { text = File.ReadAllText(stat); }
            catch (IOException) { return; }   // gone (FileNotFound and DirectoryNotFound are IOExceptions)
            // Format: "pid (comm) S ...": the state follows the closing parenthesis.
            var state = text[(text.LastIndexOf(')') + 2)..].FirstOrDefault();
            if (state is 'Z' or 'X') return;
            await Task.Delay(20).ConfigureAwait(false);
        }
        throw new InvalidOperationException($"The PostgreSQL server (pid {pid}) was still running {limit.TotalSeconds:0} s after pg_ctl stop.");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int ReadPostmasterPid(string dataDirectory)
    {
        var firstLine = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First();
        return int.Parse(firstLine.Trim(), CultureInfo.InvariantCulture);
    }

    private static string ReadLog(string path)
    {
        try { return File.Exists(path) ? File.ReadAllText(path) : "(no server log was written)"; }
        catch (IOException e) { return $"(could not read the server log: {e.Message})"; }
        catch (UnauthorizedAccessException e) { return $"(could not read the server log: {e.Message})"; }
    }

    private static string QuoteIdentifier(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('\0'))
            throw new ArgumentException("A database name cannot be empty or contain NUL.", nameof(name));
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void TryDeleteDirectory(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static async Task RunCheckedAsync(string file, string[] args, string workDir, string what, CancellationToken ct)
    {
        var result = await RunAsync(file, args, asPostgresUser: false, workDir, ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{what} failed (exit {result.ExitCode}):\n{result.Output}");
    }

    /// <summary>Runs a program (as the postgres user through runuser when asked) and returns its exit code and output.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> args, bool asPostgresUser, string workDir, CancellationToken ct)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be able to enter the test's working directory (e.g. under /root).
            WorkingDirectory = workDir,
        };
        if (asPostgresUser)
        {
            psi.FileName = FindOnPath("runuser") ?? "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", file]) psi.ArgumentList.Add(a);
        }
        else
        {
            psi.FileName = file;
        }
        foreach (var a in args) psi.ArgumentList.Add(a);

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {psi.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Describe(psi)} did not finish within {CommandTimeout.TotalSeconds:0} s.");
        }
        var output = new StringBuilder()
            .Append(await stdout.ConfigureAwait(false))
            .Append(await stderr.ConfigureAwait(false))
            .ToString();
        return (process.ExitCode, $"$ {Describe(psi)}\n{output}");
    }

    private static string Describe(ProcessStartInfo psi) => psi.FileName + " " + string.Join(' ', psi.ArgumentList);
}
