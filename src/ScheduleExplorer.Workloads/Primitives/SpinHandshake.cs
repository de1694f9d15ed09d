namespace ScheduleExplorer.Workloads.Primitives;

/// <summary>
/// A producer hands two items to a consumer through a spin-waited flag (<see cref="SpinWait.SpinUntil(Func{bool})"/>
/// and <see cref="SpinWait.SpinOnce()"/>). Re-arming the flag without waiting for the consumer's
/// acknowledgement can overwrite an item the consumer never saw, and the consumer then spins
/// forever; waiting for the acknowledgement fixes it.
/// </summary>
public sealed class SpinHandshake
{
    private const int Items = 2;
    private volatile bool _full;
    private volatile bool _taken;
    private int _item;

    /// <summary>The bug: the producer does not wait for the acknowledgement before the next item.</summary>
    /// <exception cref="InvalidOperationException">An item was lost; or the consumer spins forever (a deadlock report under control).</exception>
    public static void NoAcknowledgement() => new SpinHandshake().Run(waitForAck: false);

    /// <summary>The fix: the producer spins until the consumer took the item.</summary>
    public static void Acknowledged() => new SpinHandshake().Run(waitForAck: true);

    private void Run(bool waitForAck)
    {
        int received = 0;
        var consumer = new Thread(() =>
        {
            for (int i = 1; i <= Items; i++)
            {
                SpinWait.SpinUntil(() => _full);
                received += _item == i ? 1 : 0;
                _full = false;
                _taken = true;
            }
        }) { Name = "consumer" };
        consumer.Start();
        for (int i = 1; i <= Items; i++)
        {
            _item = i;
            _taken = false;
            _full = true;
            if (waitForAck)
            {
                var spin = default(SpinWait);
                while (!_taken)
                {
                    spin.SpinOnce();
                }
            }
        }

        consumer.Join();
        if (received != Items)
        {
            throw new InvalidOperationException($"The consumer received {received} of {Items} items.");
        }
    }
}
