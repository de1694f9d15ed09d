using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using ScheduleExplorer.Rewriting.Cil;

namespace ScheduleExplorer.Rewriting.Passes;

/// <summary>
/// One method being rewritten: its original instructions (a snapshot every pass iterates), their
/// source sites, and the editing operations. The first edit snapshots the sites and the
/// retargeting index, then simplifies macros; <see cref="Complete"/> optimizes them back.
/// </summary>
internal sealed class MethodRewriteContext
{
    private readonly Instruction[] _original;
    private readonly Dictionary<Instruction, int> _index = [];
    private readonly HashSet<Instruction> _redirected = [];
    private readonly Dictionary<Instruction, Instruction[]> _branchTargets = [];
    private SiteResolver? _sites;
    private IlInserter? _inserter;
    private HashSet<Instruction>? _joins;

    /// <summary>Starts rewriting <paramref name="method"/> (which has a body) of <paramref name="module"/>.</summary>
    public MethodRewriteContext(MethodDefinition method, ModuleRewriteContext module)
    {
        Method = method;
        Module = module;
        _original = [.. method.Body.Instructions];
        for (int i = 0; i < _original.Length; i++)
        {
            _index[_original[i]] = i;
            switch (_original[i].Operand)
            {
                case Instruction target:
                    _branchTargets[_original[i]] = [target];
                    break;
                case Instruction[] targets:
                    _branchTargets[_original[i]] = [.. targets];
                    break;
            }
        }
    }

    /// <summary>The method.</summary>
    public MethodDefinition Method { get; }

    /// <summary>The module-wide context.</summary>
    public ModuleRewriteContext Module { get; }

    /// <summary>The instructions of the body before any pass ran, in order.</summary>
    public IReadOnlyList<Instruction> Original => _original;

    /// <summary>Whether the method is a static constructor (type initializer).</summary>
    public bool IsTypeInitializer => Method.IsConstructor && Method.IsStatic;

    /// <summary>The position of an original instruction in <see cref="Original"/>, or -1.</summary>
    public int IndexOf(Instruction instruction) => _index.TryGetValue(instruction, out int index) ? index : -1;

    /// <summary>
    /// The targets an original branch (or switch) had before any pass ran: insertions retarget
    /// branches to inserted code, which is not in <see cref="Original"/>.
    /// </summary>
    public IReadOnlyList<Instruction> OriginalTargetsOf(Instruction branch) =>
        _branchTargets.TryGetValue(branch, out Instruction[]? targets) ? targets : [];

    /// <summary>The source site of an original instruction ("File.cs:42").</summary>
    public string SiteOf(Instruction instruction) => Sites.SiteOf(instruction);

    /// <summary>Whether <paramref name="instruction"/> was redirected to a shim.</summary>
    public bool IsRedirected(Instruction instruction) => _redirected.Contains(instruction);

    /// <summary>
    /// Original instructions control can reach other than from the one before: branch targets and
    /// handler starts (where the stack may come from elsewhere).
    /// </summary>
    public ISet<Instruction> OriginalJoins()
    {
        if (_joins is not null)
        {
            return _joins;
        }

        _joins = [.. _branchTargets.Values.SelectMany(t => t)];
        foreach (ExceptionHandler handler in Method.Body.ExceptionHandlers)
        {
            _joins.Add(handler.TryStart);
            _joins.Add(handler.HandlerStart);
            if (handler.FilterStart is not null)
            {
                _joins.Add(handler.FilterStart);
            }
        }

        return _joins;
    }

    private SiteResolver Sites => _sites ??= new SiteResolver(Method, _original);

    /// <summary>Turns <paramref name="call"/> (a call, callvirt or newobj) into <c>call <paramref name="shim"/></c>, in place.</summary>
    public void Redirect(Instruction call, MethodReference shim)
    {
        BeginEdit();
        call.OpCode = OpCodes.Call;
        call.Operand = shim;
        _redirected.Add(call);
    }

    /// <summary>Inserts stack-neutral <paramref name="code"/> before <paramref name="target"/>, retargeting everything that pointed at it.</summary>
    public void InsertBefore(Instruction target, params Instruction[] code)
    {
        BeginEdit();
        _inserter!.InsertBefore(target, code);
    }

    /// <summary>Inserts <paramref name="code"/> right after <paramref name="target"/>, on its fall-through path only.</summary>
    public void InsertAfter(Instruction target, params Instruction[] code)
    {
        BeginEdit();
        _inserter!.InsertAfter(target, code);
    }

    /// <summary>Finishes the method; returns whether it was changed.</summary>
    public bool Complete()
    {
        if (_inserter is null)
        {
            return false;
        }

        Method.Body.OptimizeMacros();
        return true;
    }

    private void BeginEdit()
    {
        if (_inserter is not null)
        {
            return;
        }

        _ = Sites;
        _ = OriginalJoins();
        _inserter = new IlInserter(Method.Body);
        Method.Body.SimplifyMacros();
    }
}
