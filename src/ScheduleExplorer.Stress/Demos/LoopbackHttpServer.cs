using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ScheduleExplorer.Stress.Demos;

/// <summary>
/// A real HTTP server on 127.0.0.1 (an <see cref="HttpListener"/> on a free loopback port) that answers every
/// GET after awaiting <see cref="Latency"/> — a stand-in for a slow downstream service. It never binds any
/// other address. Dispose it to stop it.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private const int PortAttempts = 5;
    private static readonly byte[] s_body = Encoding.UTF8.GetBytes("ok\n");

    private readonly HttpListener _listener;
    private readonly Task _accepting;
    private int _served;

    private LoopbackHttpServer(HttpListener listener, Uri uri, TimeSpan latency)
    {
        _listener = listener;
        Uri = uri;
        Latency = latency;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The server's address: http://127.0.0.1:PORT/.</summary>
    public Uri Uri { get; }

    /// <summary>How long the server waits before answering each request.</summary>
    public TimeSpan Latency { get; }

    /// <summary>Requests answered so far.</summary>
    public int RequestsServed => Volatile.Read(ref _served);

    /// <summary>Starts a server on a free port of 127.0.0.1.</summary>
    /// <exception cref="HttpListenerException">No free port could be bound.</exception>
    public static LoopbackHttpServer Start(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        for (int attempt = 1; ; attempt++)
        {
            // Ask the OS for a free loopback port, then hand it to HttpListener (which cannot bind port 0).
            int port = FreeLoopbackPort();
            var uri = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(uri.ToString());
            try
            {
                listener.Start();
                return new LoopbackHttpServer(listener, uri, latency);
            }
            catch (HttpListenerException) when (attempt < PortAttempts)
            {
                // Someone took the port between the probe and the bind: try another.
                listener.Close();
            }
        }
    }

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        _listener.Close();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener's ObjectDisposed/HttpListener exception.
        }
    }

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency).ConfigureAwait(false);
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength64 = s_body.Length;
            await context.Response.OutputStream.WriteAsync(s_body).ConfigureAwait(false);
            context.Response.Close();
            Interlocked.Increment(ref _served);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away or the server is stopping.
        }
    }
}
