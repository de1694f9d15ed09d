namespace ScheduleExplorer.Rewriting.Tests.Samples;

// Static state of every shape the reset must put back: initialized, readonly, depending on another
// type's initializer, in a private nested type, thread-static (left alone), and generic: one copy per
// instantiation, nested in a generic type, over a type of this assembly, a struct, readonly, no initializer.
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
        Generic<string>.Value = 7;
        Outer<Coordinates>.Inner<int>.Point.X = 8;
        Outer<Coordinates>.Inner<int>.Items.Add(3);
        Uninitialized<long>.Value = 6;
    }

    public static int GenericValue => Generic<int>.Value;

    public static int OtherGenericValue => Generic<string>.Value;

    public static int NestedPointX => Outer<Coordinates>.Inner<int>.Point.X;

    public static int NestedItems => Outer<Coordinates>.Inner<int>.Items.Count;

    public static int UninitializedValue => Uninitialized<long>.Value;

    public static int Touch() => Uninitialized<long>.Value;

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

    public struct Coordinates
    {
        public int X;
    }

    public static class Outer<TOuter>
    {
        public static class Inner<TInner>
        {
            public static Coordinates Point = new() { X = 2 };
            public static readonly List<TInner> Items = [default!];
        }
    }

    public static class Uninitialized<T>
    {
        public static int Value;
    }
}
