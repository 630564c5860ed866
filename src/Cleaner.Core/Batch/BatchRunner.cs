using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cleaner.Core.Batch;

/// <summary>Cleans a stream of items on N worker threads and hands the outcomes back in input order.
/// Queues are bounded, so memory stays flat however long the stream is. A document that runs past the
/// per-document timeout is abandoned (a running pipeline call cannot be aborted in .NET): its slot gets a
/// timeout error, its thread is left to finish in the background and a fresh worker takes its place.</summary>
public sealed class BatchRunner(Func<BatchItem, BatchOutcome> work, int jobs, TimeSpan timeout)
{
    public int Jobs { get; } = Math.Max(1, jobs);
    public TimeSpan Timeout { get; } = timeout;
    /// <summary>Workers abandoned past the timeout (their threads may still be running).</summary>
    public int Abandoned => _abandoned;
    private int _abandoned;

    private sealed class Slot(BatchItem item)
    {
        public BatchItem Item { get; } = item;
        public TaskCompletionSource<BatchOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Worker
    {
        public Slot? Current;
        public long StartedAt;
        public bool Abandoned;
    }

    /// <summary>Runs every item; <paramref name="consume"/> is called on the calling thread, in input order,
    /// and returns false to stop early (--fail-fast).</summary>
    public void Run(IEnumerable<BatchItem> items, Func<BatchItem, BatchOutcome, bool> consume, CancellationToken cancel = default)
    {
        // Not disposed: workers (and abandoned ones still running) may touch them after Run returns.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        // The ordered window: documents cleaned but waiting to be written behind a slower one, plus those being
        // cleaned and queued. Only the queued and running ones hold a page (queue: Jobs + 1); a cleaned one holds its
        // rendered output. The window is wide so that one slow page (ten times the median is common) does not leave
        // the other workers idle once it fills (simulated on the dev corpus' per-page times, 2 jobs: a window of 10
        // reached 1.92x, 64 reaches 2.00x), and bounded by input bytes as well as by count, so huge documents
        // cannot pile up their outputs.
        var order = new BlockingCollection<Slot>(Jobs * 32 + 8);
        var queue = new BlockingCollection<Slot>(Jobs + 1);
        var budget = new object();
        long windowBytes = 0;
        Exception? producerError = null;

        var producer = new Thread(() =>
        {
            try
            {
                foreach (var item in items)
                {
                    var slot = new Slot(item);
                    lock (budget)
                    {
                        while (windowBytes > MaxWindowBytes && order.Count > 0 && !stop.IsCancellationRequested)
                            Monitor.Wait(budget, 100);
                        windowBytes += item.Bytes;
                    }
                    order.Add(slot, stop.Token);
                    if (item.Skip) slot.Done.TrySetResult(BatchOutcome.Skipped);
                    else queue.Add(slot, stop.Token);
                }
            }
            catch (OperationCanceledException) { }
            catch (Exception e) { producerError = e; }
            finally
            {
                order.CompleteAdding();
                queue.CompleteAdding();
            }
        }) { IsBackground = true, Name = "batch-reader" };

        var workers = new List<Worker>();
        var gate = new object();
        void StartWorker()
        {
            var w = new Worker();
            lock (gate) workers.Add(w);
            // The stack of the main thread (8 MB on Linux), not a worker's default 1.5 MB: a page cleaned in a
            // batch must not fail where the same page alone succeeds.
            new Thread(() => WorkerLoop(w, queue, gate, stop.Token), WorkerStack) { IsBackground = true, Name = "batch-worker" }.Start();
        }
        for (int i = 0; i < Jobs; i++) StartWorker();

        // The watchdog: abandons a worker past the timeout and starts a replacement.
        var watchdog = new Timer(_ =>
        {
            List<Worker> late;
            lock (gate)
            {
                long now = Stopwatch.GetTimestamp();
                late = workers.Where(w => w.Current != null && !w.Abandoned &&
                                          Stopwatch.GetElapsedTime(w.StartedAt, now) > Timeout).ToList();
                foreach (var w in late)
                {
                    w.Abandoned = true;
                    workers.Remove(w);
                    w.Current!.Done.TrySetResult(BatchOutcome.Error("timeout",
                        $"cleaning took longer than {Timeout.TotalSeconds:0.###} s; abandoned"));
                    Interlocked.Increment(ref _abandoned);
                }
            }
            for (int i = 0; i < late.Count; i++) StartWorker();
        }, null, WatchPeriod, WatchPeriod);

        producer.Start();
        try
        {
            foreach (var slot in order.GetConsumingEnumerable(stop.Token))
            {
                var outcome = slot.Done.Task.GetAwaiter().GetResult();
                lock (budget)
                {
                    windowBytes -= slot.Item.Bytes;
                    Monitor.PulseAll(budget);
                }
                if (!consume(slot.Item, outcome)) break;
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested) { }
        finally
        {
            watchdog.Dispose();
            stop.Cancel();
            producer.Join();
        }
        if (producerError != null) throw new IOException("reading the inputs failed: " + producerError.Message, producerError);
    }

    private const int WorkerStack = 8 << 20;
    /// <summary>Input bytes the ordered window may hold (more only when one document alone is bigger).</summary>
    private const long MaxWindowBytes = 64L << 20;

    private TimeSpan WatchPeriod => TimeSpan.FromMilliseconds(Math.Clamp(Timeout.TotalMilliseconds / 4, 5, 250));

    private void WorkerLoop(Worker w, BlockingCollection<Slot> queue, object gate, CancellationToken stop)
    {
        try
        {
            foreach (var slot in queue.GetConsumingEnumerable(stop))
            {
                lock (gate)
                {
                    w.Current = slot;
                    w.StartedAt = Stopwatch.GetTimestamp();
                }
                BatchOutcome outcome;
                try
                {
                    outcome = work(slot.Item);
                }
                catch (Input.UnreadableInputException e)
                {
                    outcome = BatchOutcome.Error(e.Kind, e.Message);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    outcome = BatchOutcome.Error("internal-error", e.GetType().Name + ": " + e.Message);
                }
                lock (gate)
                {
                    slot.Done.TrySetResult(outcome); // loses to the watchdog's timeout error when abandoned
                    w.Current = null;
                    if (w.Abandoned) return;          // a replacement already took this worker's place
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
    }
}
