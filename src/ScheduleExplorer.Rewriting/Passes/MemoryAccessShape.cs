namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>How the hook of a memory access names the memory it touches, for the data-race detector.</summary>
internal enum MemoryAccessShape
{
    /// <summary>A static field of a non-generic type: its name is the memory.</summary>
    Static,

    /// <summary>A field of a class instance (<c>ldfld</c>/<c>stfld</c>): the hook gets the object.</summary>
    Field,

    /// <summary>An array element (<c>ldelem</c>/<c>stelem</c>): the hook gets the array and the index.</summary>
    Element,

    /// <summary>
    /// An array element reached through the address <c>ldelema</c> made just before, in straight-line
    /// code with no call or other address in between (<c>a[i]++</c>, <c>a[i] += x</c>): the
    /// <c>ldelema</c> notes the array and index for the operation, and the access's hook uses the note.
    /// </summary>
    NotedElement,

    /// <summary>
    /// Not tracked for races: a volatile access, a field marked <c>[BenignRace]</c>, a field of a
    /// struct or of a generic type's statics, an access through a traced address.
    /// </summary>
    Untracked,

    /// <summary>Through an address that may alias any location: not tracked, and it conflicts with everything.</summary>
    Indirect,
}
