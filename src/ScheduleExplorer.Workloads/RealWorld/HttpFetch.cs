namespace ScheduleExplorer.Workloads.RealWorld;

/// <summary>
/// I/O-bound work: <c>requests</c> GET requests to one URL, made one after the other, from a fixed number
/// of threads each blocking in <see cref="HttpClient.Send(HttpRequestMessage)"/>, or all at once with
/// <c>async</c>/<see cref="Task.WhenAll(IEnumerable{Task})"/>. Waiting costs no CPU, so the async run takes
/// about one round trip however many requests there are, while the blocking runs need one thread per
/// request in flight. Each method returns the number of successful (2xx) responses.
/// </summary>
public static class HttpFetch
{
    /// <summary>Sends the requests one after the other on the calling thread.</summary>
    public static int Sequential(HttpClient client, Uri uri, int requests)
    {
        Validate(client, uri, requests);
        var ok = 0;
        for (var i = 0; i < requests; i++)
        {
            ok += SendBlocking(client, uri);
        }

        return ok;
    }

    /// <summary>Sends the requests from <paramref name="threads"/> threads, each blocking on one request at a time.</summary>
    public static int Threads(HttpClient client, Uri uri, int requests, int threads)
    {
        Validate(client, uri, requests);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var queue = new RequestQueue(client, uri, requests);
        var workers = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            workers[i] = new Thread(queue.Run) { Name = $"http {i}", IsBackground = true };
            workers[i].Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        return queue.Succeeded;
    }

    /// <summary>Starts every request at once and awaits them all: no thread waits while the server does.</summary>
    public static async Task<int> WhenAllAsync(HttpClient client, Uri uri, int requests)
    {
        Validate(client, uri, requests);
        var pending = new Task<bool>[requests];
        for (var i = 0; i < requests; i++)
        {
            pending[i] = GetAsync(client, uri);
        }

        bool[] results = await Task.WhenAll(pending).ConfigureAwait(false);
        return results.Count(r => r);
    }

    private static async Task<bool> GetAsync(HttpClient client, Uri uri)
    {
        using HttpResponseMessage response = await client.GetAsync(uri).ConfigureAwait(false);
        await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    private static int SendBlocking(HttpClient client, Uri uri)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using HttpResponseMessage response = client.Send(request);
        using (Stream body = response.Content.ReadAsStream())
        {
            body.CopyTo(Stream.Null);
        }

        return response.IsSuccessStatusCode ? 1 : 0;
    }

    private static void Validate(HttpClient client, Uri uri, int requests)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
    }

    private sealed class RequestQueue(HttpClient client, Uri uri, int requests)
    {
        private int _taken;
        private int _succeeded;

        public int Succeeded => Volatile.Read(ref _succeeded);

        public void Run()
        {
            while (Interlocked.Increment(ref _taken) <= requests)
            {
                Interlocked.Add(ref _succeeded, SendBlocking(client, uri));
            }
        }
    }
}
