using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Cil;

/// <summary>
/// Which earlier instruction produced the address an indirect access (<c>ldind</c>, <c>stind</c>,
/// <c>ldobj</c>, …) uses, scanning back through straight-line code and through <c>dup</c> (a compound
/// assignment <c>x.f++</c> compiles to <c>ldflda f; dup; ldind; …; stind</c>).
/// </summary>
internal static class AddressSource
{
    /// <summary>
    /// The producer of the stack slot <paramref name="depth"/> below the top just before
    /// <paramref name="index"/>, or null when a join, a handler boundary or an unknown effect is in the way.
    /// </summary>
    public static Instruction? Producer(IReadOnlyList<Instruction> body, int index, int depth, ISet<Instruction> joins)
    {
        int above = depth;
        for (int i = index - 1; i >= 0; i--)
        {
            Instruction instruction = body[i];
            if (joins.Contains(body[i + 1]))
            {
                // Control can reach the instruction after this one from elsewhere, with another stack.
                return null;
            }

            if (StackEffects.Of(instruction) is not var (pop, push))
            {
                return null;
            }

            if (above < push)
            {
                if (instruction.OpCode.Code == Code.Dup)
                {
                    // Both copies are the value dup popped: keep looking for its producer.
                    above = 0;
                    continue;
                }

                return push == 1 ? instruction : null;
            }

            above = above - push + pop;
        }

        return null;
    }
}
