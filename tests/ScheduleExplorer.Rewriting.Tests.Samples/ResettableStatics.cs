namespace ScheduleExplorer.Rewriting.Tests.Samples;

// Static state of every shape the reset must put back: initialized, readonly, depending on another
// type's initializer, in a private nested type, thread-static (left alone), generic (left alone).
public static class ResettableStatics
{
    public static int Counter = 5;
    private static readonly List<int> s_items = [1, 2];
    private static int s_derived = Base.Value * 2;

    [ThreadStatic]
    public static int PerThread;

    // Read through rewritten code: a [ThreadStatic] field's value lives in the controlled slots.
    public static int PerThreadValue => PerThread;

    public static int Items => s_items.Count;

    public static int Derived => s_derived;

    public static int Hidden => Secret.Value;

    public static void Mutate()
    {
        Counter++;
        s_items.Add(3);
        s_derived = -1;
        Secret.Value = 0;
        Base.Value = 100;
        PerThread = 9;
        Generic<int>.Value = 4;
    }

    public static int GenericValue => Generic<int>.Value;

    private static class Secret
    {
        public static int Value = 42;
    }

    public static class Base
    {
        public static int Value = 21;
    }

    public static class Generic<T>
    {
        public static int Value = 1;
    }
}
