using System.Runtime.CompilerServices;
using ScheduleExplorer.Runtime;

namespace ScheduleExplorer.Controlled;

/// <summary>
/// Controlled <see cref="Barrier"/>: signalling is a scheduling point, the participants that
/// arrived early block until the phase ends (visible to deadlock detection: a missing participant
/// is a deadlock), the last to arrive runs the post-phase action, a timed-out participant takes its
/// signal back, and a failing post-phase action is a <see cref="BarrierPostPhaseException"/> in
/// every participant of that phase. Outside a controlled run every member is the BCL's.
/// </summary>
public static class ControlledBarrier
{
    private static readonly ConditionalWeakTable<Barrier, Action<Barrier>> s_postPhase = new();

    /// <inheritdoc cref="Barrier(int)"/>
    public static Barrier Create(int participantCount) => Create(participantCount, null);

    /// <inheritdoc cref="Barrier(int, Action{Barrier})"/>
    public static Barrier Create(int participantCount, Action<Barrier>? postPhaseAction)
    {
        var barrier = new Barrier(participantCount, postPhaseAction);
        if (postPhaseAction is not null)
        {
            s_postPhase.AddOrUpdate(barrier, postPhaseAction);
        }

        ControlledScheduler.CurrentOperation?.Scheduler.Resources.Register(barrier, (t, s) => new BarrierResource(t, s, participantCount, 0));
        return barrier;
    }

    /// <inheritdoc cref="Barrier.SignalAndWait()"/>
    public static void SignalAndWait(Barrier barrier) => SignalAndWait(barrier, Timeout.Infinite, CancellationToken.None);

    /// <inheritdoc cref="Barrier.SignalAndWait(CancellationToken)"/>
    public static void SignalAndWait(Barrier barrier, CancellationToken cancellationToken) =>
        SignalAndWait(barrier, Timeout.Infinite, cancellationToken);

    /// <inheritdoc cref="Barrier.SignalAndWait(int)"/>
    public static bool SignalAndWait(Barrier barrier, int millisecondsTimeout) =>
        SignalAndWait(barrier, millisecondsTimeout, CancellationToken.None);

    /// <inheritdoc cref="Barrier.SignalAndWait(TimeSpan)"/>
    public static bool SignalAndWait(Barrier barrier, TimeSpan timeout) =>
        SignalAndWait(barrier, Timeouts.ToMilliseconds(timeout), CancellationToken.None);

    /// <inheritdoc cref="Barrier.SignalAndWait(TimeSpan, CancellationToken)"/>
    public static bool SignalAndWait(Barrier barrier, TimeSpan timeout, CancellationToken cancellationToken) =>
        SignalAndWait(barrier, Timeouts.ToMilliseconds(timeout), cancellationToken);

    /// <inheritdoc cref="Barrier.SignalAndWait(int, CancellationToken)"/>
    public static bool SignalAndWait(Barrier barrier, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return barrier.SignalAndWait(millisecondsTimeout, cancellationToken);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, -1);
        cancellationToken.ThrowIfCancellationRequested();
        var scheduler = op.Scheduler;
        var resource = Of(op, barrier);
        if (resource.Participants == 0)
        {
            throw new InvalidOperationException("The barrier has no registered participants.");
        }

        string? site = ControlledSite.Current;
        scheduler.SchedulePoint(op, SchedulingPointKind.Release, site);
        long phase = resource.Phase;
        resource.Remaining--;
        scheduler.RecordEffect(resource, isWrite: true);
        if (resource.Remaining == 0)
        {
            FinishPhase(op, barrier, resource);
        }
        else if (!AwaitPhaseEnd(op, resource, phase, millisecondsTimeout, site))
        {
            return false;
        }

        if (resource.PostPhaseFailure is { } failure && resource.FailedPhase == phase)
        {
            throw failure;
        }

        return true;
    }

    /// <inheritdoc cref="Barrier.AddParticipant"/>
    public static long AddParticipant(Barrier barrier) => AddParticipants(barrier, 1);

    /// <inheritdoc cref="Barrier.AddParticipants"/>
    public static long AddParticipants(Barrier barrier, int participantCount)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            return barrier.AddParticipants(participantCount);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(participantCount, 1);
        var resource = Of(op, barrier);
        op.Scheduler.SchedulePoint(op, SchedulingPointKind.Release, ControlledSite.Current);
        resource.Participants += participantCount;
        resource.Remaining += participantCount;
        op.Scheduler.RecordEffect(resource, isWrite: true);
        return resource.Phase;
    }

    /// <inheritdoc cref="Barrier.RemoveParticipant"/>
    public static void RemoveParticipant(Barrier barrier) => RemoveParticipants(barrier, 1);

    /// <inheritdoc cref="Barrier.RemoveParticipants"/>
    public static void RemoveParticipants(Barrier barrier, int participantCount)
    {
        if (ControlledScheduler.CurrentOperation is not { } op)
        {
            barrier.RemoveParticipants(participantCount);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(participantCount, 1);
        var resource = Of(op, barrier);
        op.Scheduler.SchedulePoint(op, SchedulingPointKind.Release, ControlledSite.Current);
        if (participantCount > resource.Participants)
        {
            throw new ArgumentOutOfRangeException(nameof(participantCount), "The participantCount argument must be less than or equal the number of participants.");
        }

        if (participantCount > resource.Remaining)
        {
            throw new InvalidOperationException("The participantCount argument is greater than the number of participants that haven't yet arrived at the barrier in this phase.");
        }

        resource.Participants -= participantCount;
        resource.Remaining -= participantCount;
        op.Scheduler.RecordEffect(resource, isWrite: true);
        if (resource.Remaining == 0 && resource.Participants > 0)
        {
            FinishPhase(op, barrier, resource);
        }
    }

    /// <inheritdoc cref="Barrier.CurrentPhaseNumber"/>
    public static long get_CurrentPhaseNumber(Barrier barrier) =>
        ControlledScheduler.CurrentOperation is { } op ? Of(op, barrier).Phase : barrier.CurrentPhaseNumber;

    /// <inheritdoc cref="Barrier.ParticipantCount"/>
    public static int get_ParticipantCount(Barrier barrier) =>
        ControlledScheduler.CurrentOperation is { } op ? Of(op, barrier).Participants : barrier.ParticipantCount;

    /// <inheritdoc cref="Barrier.ParticipantsRemaining"/>
    public static int get_ParticipantsRemaining(Barrier barrier) =>
        ControlledScheduler.CurrentOperation is { } op ? Of(op, barrier).Remaining : barrier.ParticipantsRemaining;

    private static BarrierResource Of(ControlledOperation op, Barrier barrier)
    {
        ArgumentNullException.ThrowIfNull(barrier);
        return op.Scheduler.Resources.GetOrAdd(barrier, static (t, s) =>
        {
            var real = (Barrier)t;
            return new BarrierResource(t, s, real.ParticipantCount, real.CurrentPhaseNumber);
        });
    }

    private static bool AwaitPhaseEnd(ControlledOperation op, BarrierResource resource, long phase, int millisecondsTimeout, string? site)
    {
        var scheduler = op.Scheduler;
        long deadline = millisecondsTimeout < 0 ? long.MaxValue : scheduler.Now + millisecondsTimeout;
        resource.Waiting[op] = phase;
        try
        {
            while (resource.Phase == phase)
            {
                if (scheduler.Now >= deadline)
                {
                    // Timed out before the phase ended: the signal is taken back, as the BCL does.
                    resource.Remaining++;
                    scheduler.RecordEffect(resource, isWrite: true);
                    return false;
                }

                scheduler.Block(op, resource, SchedulingPointKind.Wait, site, deadline);
            }
        }
        finally
        {
            resource.Waiting.Remove(op);
        }

        scheduler.RecordEffect(resource, isWrite: false);
        return true;
    }

    /// <summary>The last participant arrived: it runs the post-phase action, then the next phase begins.</summary>
    private static void FinishPhase(ControlledOperation op, Barrier barrier, BarrierResource resource)
    {
        resource.PostPhaseFailure = null;
        if (s_postPhase.TryGetValue(barrier, out var action))
        {
            try
            {
                action(barrier);
            }
            catch (Exception e) when (e is not ExecutionCanceledException)
            {
                resource.PostPhaseFailure = new BarrierPostPhaseException(e);
                resource.FailedPhase = resource.Phase;
            }
        }

        resource.Phase++;
        resource.Remaining = resource.Participants;
        op.Scheduler.RecordEffect(resource, isWrite: true);
    }
}
