namespace ScheduleExplorer.Rewriting.Tests.Samples;

// Threads, a ThreadPool work item, events and an async method.
public static class Threads
{
    public static int RunThreads(int threadCount, int increments)
    {
        var counter = new LockedCounter();
        var threads = new Thread[threadCount];
        for (int i = 0; i < threadCount; i++)
        {
            threads[i] = new Thread(() =>
            {
                for (int j = 0; j < increments; j++)
                {
                    counter.Increment();
                }
            });
            threads[i].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        return counter.Count;
    }

    public static int QueueAndWait()
    {
        using var done = new ManualResetEventSlim(false);
        int result = 0;
        ThreadPool.QueueUserWorkItem(_ =>
        {
            result = 42;
            done.Set();
        });
        done.Wait();
        return result;
    }

    public static int Semaphore(int rounds)
    {
        using var semaphore = new SemaphoreSlim(1, 1);
        int entered = 0;
        for (int i = 0; i < rounds; i++)
        {
            semaphore.Wait();
            entered++;
            semaphore.Release();
        }

        return entered;
    }

    public static async Task<int> AddAsync(int a, int b)
    {
        await Task.Yield();
        return a + b;
    }
}
