namespace ScheduleExplorer.Rewriting.Tests.Samples;

// Field accesses in the shapes that need careful insertion: branch targets at a stfld, a
// try/finally, a volatile. prefix, a switch whose targets are field loads, a readonly field.
public sealed class FieldShapes
{
    private static int s_zero;
    private static int s_one;
    private static int s_other;

    private readonly int _limit;
    private volatile int _ready;
    private int _last;
    private int _a;
    private int _b;

    public FieldShapes(int limit)
    {
        _limit = limit;
        _last = -1;
    }

    public int Last => _last;

    public int Hits { get; set; }

    public int Ternary(bool flag, int x)
    {
        _last = flag ? x : -x;
        return _last;
    }

    public int Guarded(int n)
    {
        try
        {
            _a = n;
            if (n < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(n));
            }
        }
        finally
        {
            _b = n * 2;
        }

        return _a + _b;
    }

    public int Publish(int value)
    {
        _ready = value;
        return _ready;
    }

    public int Clamp(int value) => value > _limit ? _limit : value;

    public static int Classify(int x)
    {
        switch (x)
        {
            case 0:
                return s_zero++;
            case 1:
                return s_one += 10;
            case 2:
            case 3:
                return s_other = x * 100;
            default:
                return -1;
        }
    }

    public static int GuardedStatic()
    {
        try
        {
            s_zero++;
        }
        finally
        {
            s_one++;
        }

        return s_zero + s_one;
    }

    public int CountHit() => ++Hits;

    public static int SumClassified(int n)
    {
        s_zero = 0;
        s_one = 0;
        s_other = 0;
        int sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += Classify(i % 5);
        }

        return sum;
    }
}
