using System.Collections.Concurrent;
using Hub.Sync.Running;
using Quartz;

namespace Hub.Sync.Tests.Scheduling;

/// <summary>
/// Listens on every node of a test cluster: records which node ran which fire time, counts executions in flight
/// across the nodes, and can hold the first execution until the test releases it.
/// </summary>
internal sealed class FireRecorder
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _maxInFlight;
    private int _started;

    public FireRecorder(bool holdFirst = false)
    {
        if (!holdFirst)
        {
            _release.SetResult();
        }
    }

    public ConcurrentQueue<(string Node, DateTimeOffset FireTime)> Fires { get; } = new();

    /// <summary>
    /// Fires the hub's own run lock turned away (<see cref="SyncRunStatus.Skipped"/>, no run row): under heavy load
    /// Quartz may take a node that missed its check-in for dead and release its trigger while its run still holds the lock.
    /// </summary>
    public ConcurrentQueue<DateTimeOffset> Skipped { get; } = new();

    /// <summary>Fires that ran a sync (every fire but the <see cref="Skipped"/> ones).</summary>
    public ConcurrentQueue<DateTimeOffset> Ran { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public Task FirstStarted => _firstStarted.Task;

    public void Release() => _release.TrySetResult();

    public IJobListener For(string node) => new Listener(this, node);

    private sealed class Listener(FireRecorder recorder, string node) : IJobListener
    {
        public string Name => "fire-recorder-" + node;

        public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref recorder._inFlight);
            int max;
            do
            {
                max = Volatile.Read(ref recorder._maxInFlight);
            }
            while (now > max && Interlocked.CompareExchange(ref recorder._maxInFlight, now, max) != max);

            if (Interlocked.Increment(ref recorder._started) == 1)
            {
                recorder._firstStarted.TrySetResult();
                await recorder._release.Task.WaitAsync(cancellationToken);
            }
        }

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            Interlocked.Decrement(ref recorder._inFlight);
            var fireTime = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
            recorder.Fires.Enqueue((node, fireTime));
            if (context.Result is SyncRunSummary { Status: SyncRunStatus.Skipped })
            {
                recorder.Skipped.Enqueue(fireTime);
            }
            else
            {
                recorder.Ran.Enqueue(fireTime);
            }

            return ValueTask.CompletedTask;
        }
    }
}
