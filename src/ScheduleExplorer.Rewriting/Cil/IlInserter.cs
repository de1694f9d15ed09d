using Mono.Cecil.Cil;

namespace ScheduleExplorer.Rewriting.Cil;

/// <summary>
/// Inserts code before an instruction of one method body, correctly: before its prefixes
/// (<c>volatile.</c>, <c>unaligned.</c>, <c>constrained.</c>, <c>readonly.</c>, <c>tail.</c>), and
/// moving to the first inserted instruction everything that pointed at it: branch and switch
/// targets, exception-handler bounds, its sequence point and local-scope bounds. (Cecil's
/// <c>ILProcessor.InsertBefore</c> retargets nothing.) Built before the first insertion, so it
/// indexes the original body; every pass inserts through it.
/// </summary>
internal sealed class IlInserter
{
    private readonly MethodBody _body;
    private readonly ILProcessor _il;
    private readonly Dictionary<Instruction, List<Instruction>> _branchesTo = [];
    private readonly Dictionary<Instruction, int> _sequencePointAt = [];
    private readonly Dictionary<Instruction, List<(ScopeDebugInformation Scope, bool IsStart)>> _scopeBoundsAt = [];

    /// <summary>Indexes <paramref name="body"/>, which must not have been edited yet.</summary>
    public IlInserter(MethodBody body)
    {
        _body = body;
        _il = body.GetILProcessor();
        // Sequence points and scopes expose only offsets: make them current (a no-op for a body
        // read from a file, needed for one built in memory) to map them back to instructions.
        var byOffset = new Dictionary<int, Instruction>();
        int offset = 0;
        foreach (Instruction instruction in body.Instructions)
        {
            instruction.Offset = offset;
            offset += instruction.GetSize();
            byOffset.TryAdd(instruction.Offset, instruction);
            IndexBranch(instruction);
        }

        IndexDebugInformation(byOffset);
    }

    /// <summary>
    /// Inserts <paramref name="code"/> (stack-neutral) so that it runs right before
    /// <paramref name="target"/> on every path that reaches it; returns the first inserted instruction.
    /// </summary>
    public Instruction InsertBefore(Instruction target, IReadOnlyList<Instruction> code)
    {
        Instruction anchor = PrefixStart(target);
        foreach (Instruction instruction in code)
        {
            _il.InsertBefore(anchor, instruction);
        }

        Instruction first = code[0];
        RetargetBranches(anchor, first);
        RetargetHandlers(anchor, first);
        RetargetSequencePoint(anchor, first);
        RetargetScopes(anchor, first);
        return first;
    }

    /// <summary>
    /// Inserts <paramref name="code"/> right after <paramref name="target"/> (which must fall through),
    /// so it runs only on the path through <paramref name="target"/>: nothing is retargeted, and a branch
    /// to the next instruction still skips it.
    /// </summary>
    public void InsertAfter(Instruction target, IReadOnlyList<Instruction> code)
    {
        Instruction previous = target;
        foreach (Instruction instruction in code)
        {
            _il.InsertAfter(previous, instruction);
            previous = instruction;
        }
    }

    /// <summary>The first of the prefixes in front of <paramref name="instruction"/>, or itself.</summary>
    public static Instruction PrefixStart(Instruction instruction)
    {
        while (instruction.Previous is { OpCode.OpCodeType: OpCodeType.Prefix } prefix)
        {
            instruction = prefix;
        }

        return instruction;
    }

    private void IndexBranch(Instruction source)
    {
        if (source.Operand is Instruction target)
        {
            BranchesTo(target).Add(source);
        }
        else if (source.Operand is Instruction[] targets)
        {
            foreach (Instruction t in targets.Distinct())
            {
                BranchesTo(t).Add(source);
            }
        }
    }

    private List<Instruction> BranchesTo(Instruction target)
    {
        if (!_branchesTo.TryGetValue(target, out List<Instruction>? sources))
        {
            sources = [];
            _branchesTo[target] = sources;
        }

        return sources;
    }

    private void IndexDebugInformation(Dictionary<int, Instruction> byOffset)
    {
        if (!_body.Method.DebugInformation.HasSequencePoints && _body.Method.DebugInformation.Scope is null)
        {
            return;
        }

        var points = _body.Method.DebugInformation.SequencePoints;
        for (int i = 0; i < points.Count; i++)
        {
            if (byOffset.TryGetValue(points[i].Offset, out Instruction? at))
            {
                _sequencePointAt.TryAdd(at, i);
            }
        }

        if (_body.Method.DebugInformation.Scope is { } root)
        {
            IndexScope(root, byOffset);
        }
    }

    private void IndexScope(ScopeDebugInformation scope, Dictionary<int, Instruction> byOffset)
    {
        AddScopeBound(scope, scope.Start, isStart: true, byOffset);
        AddScopeBound(scope, scope.End, isStart: false, byOffset);
        if (scope.HasScopes)
        {
            foreach (ScopeDebugInformation inner in scope.Scopes)
            {
                IndexScope(inner, byOffset);
            }
        }
    }

    private void AddScopeBound(ScopeDebugInformation scope, InstructionOffset bound, bool isStart, Dictionary<int, Instruction> byOffset)
    {
        if (bound.IsEndOfMethod || !byOffset.TryGetValue(bound.Offset, out Instruction? at))
        {
            return;
        }

        if (!_scopeBoundsAt.TryGetValue(at, out var bounds))
        {
            bounds = [];
            _scopeBoundsAt[at] = bounds;
        }

        bounds.Add((scope, isStart));
    }

    private void RetargetBranches(Instruction anchor, Instruction first)
    {
        if (!_branchesTo.Remove(anchor, out List<Instruction>? sources))
        {
            return;
        }

        foreach (Instruction source in sources)
        {
            if (source.Operand == anchor)
            {
                source.Operand = first;
            }
            else if (source.Operand is Instruction[] targets)
            {
                for (int i = 0; i < targets.Length; i++)
                {
                    if (targets[i] == anchor)
                    {
                        targets[i] = first;
                    }
                }
            }
        }

        _branchesTo[first] = sources;
    }

    private void RetargetHandlers(Instruction anchor, Instruction first)
    {
        foreach (ExceptionHandler handler in _body.ExceptionHandlers)
        {
            if (handler.TryStart == anchor)
            {
                handler.TryStart = first;
            }

            if (handler.TryEnd == anchor)
            {
                handler.TryEnd = first;
            }

            if (handler.HandlerStart == anchor)
            {
                handler.HandlerStart = first;
            }

            if (handler.HandlerEnd == anchor)
            {
                handler.HandlerEnd = first;
            }

            if (handler.FilterStart == anchor)
            {
                handler.FilterStart = first;
            }
        }
    }

    private void RetargetSequencePoint(Instruction anchor, Instruction first)
    {
        if (!_sequencePointAt.Remove(anchor, out int index))
        {
            return;
        }

        var points = _body.Method.DebugInformation.SequencePoints;
        SequencePoint old = points[index];
        points[index] = new SequencePoint(first, old.Document)
        {
            StartLine = old.StartLine,
            StartColumn = old.StartColumn,
            EndLine = old.EndLine,
            EndColumn = old.EndColumn,
        };
        _sequencePointAt[first] = index;
    }

    private void RetargetScopes(Instruction anchor, Instruction first)
    {
        if (!_scopeBoundsAt.Remove(anchor, out var bounds))
        {
            return;
        }

        foreach ((ScopeDebugInformation scope, bool isStart) in bounds)
        {
            if (isStart)
            {
                scope.Start = new InstructionOffset(first);
            }
            else
            {
                scope.End = new InstructionOffset(first);
            }
        }

        _scopeBoundsAt[first] = bounds;
    }
}
