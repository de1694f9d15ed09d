namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>One IL concern, applied to one method body at a time.</summary>
internal interface IMethodPass
{
    /// <summary>
    /// Rewrites the method of <paramref name="context"/>. A pass looks only at the original
    /// instructions (<see cref="MethodRewriteContext.Original"/>), never at code another pass inserted.
    /// </summary>
    void Apply(MethodRewriteContext context);
}
