namespace ScheduleExplorer.Controlled;

/// <summary>
/// How a <see cref="Lazy{T}"/> created by rewritten code makes its value: the factory (null for
/// the parameterless constructor of <typeparamref name="T"/>) and the thread-safety mode.
/// </summary>
internal sealed class LazySpec<T>
{
    public LazySpec(Func<T>? factory, LazyThreadSafetyMode mode)
    {
        Factory = factory;
        Mode = mode;
    }

    public Func<T>? Factory { get; }

    public LazyThreadSafetyMode Mode { get; }

    /// <summary>Whether a factory's exception is cached (as the BCL does, except for PublicationOnly and the default constructor).</summary>
    public bool CachesExceptions => Factory is not null && Mode != LazyThreadSafetyMode.PublicationOnly;

    public T Make() => Factory is { } factory ? factory() : Activator.CreateInstance<T>();
}
