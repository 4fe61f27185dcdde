package org.dsftestbed.bpe.engine;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;

/**
 * One Camunda job executor for all engines of a network: one acquisition thread that visits the engines in turn and
 * one bounded pool of job threads. Camunda supports several engines per executor; what this class adds:
 * <ul>
 * <li>an engine takes part only after {@link #startJobs(ProcessEngineImpl)} (DSF starts its job executor only after
 * the plugins are deployed), and Camunda's "stop when the last engine unregisters" is replaced by an explicit
 * {@link #shutdown()} when the network closes;</li>
 * <li>closing one engine stops its acquisition and waits for its running jobs, while the other engines go on
 * ({@link #stopJobs(ProcessEngineImpl, Duration)});</li>
 * <li>threads are named after the network, so a leak is easy to spot.</li>
 * </ul>
 * Job locks are set to practically never expire: a lock only protects against a crashed executor, and here a crashed
 * executor takes its in-memory database with it. With Camunda's 5-minute lock, advancing the network clock by 5 minutes
 * or more would let a job that is running be acquired and run a second time.
 */
final class NetworkJobExecutor extends DefaultJobExecutor
{
	/** Per engine: may its jobs run, and how many are running (acquisition included). */
	private static final class Gate
	{
		private boolean closed;
		private int running;

		synchronized boolean enter()
		{
			if (closed)
				return false;
			running++;
			return true;
		}

		synchronized void exit()
		{
			if (--running == 0)
				notifyAll();
		}

		synchronized boolean isOpen()
		{
			return !closed;
		}

		synchronized void close()
		{
			closed = true;
		}

		synchronized boolean closeAndAwait(Duration timeout) throws InterruptedException
		{
			closed = true;
			long deadline = System.nanoTime() + timeout.toNanos();
			while (running > 0)
			{
				long left = deadline - System.nanoTime();
				if (left <= 0)
					return false;
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			return true;
		}
	}

	private final String threadNamePrefix;
	private final Map<ProcessEngineImpl, Gate> gates = new ConcurrentHashMap<>();
	private final AtomicLong acquisitionRounds = new AtomicLong();

	NetworkJobExecutor(String threadNamePrefix, JobExecutorSettings settings)
	{
		this.threadNamePrefix = threadNamePrefix;
		name = threadNamePrefix + "-acquisition";

		setCorePoolSize(settings.corePoolSize());
		setMaxPoolSize(settings.maxPoolSize());
		setQueueSize(settings.queueSize());
		setWaitTimeInMillis((int) settings.idleWait().toMillis());
		setMaxWait(settings.maxIdleWait().toMillis());
		setLockTimeInMillis(Integer.MAX_VALUE);
	}

	String threadNamePrefix()
	{
		return threadNamePrefix;
	}

	/** Lets the engine's jobs be acquired and run; starts the executor's threads with the first engine. */
	synchronized void startJobs(ProcessEngineImpl engine)
	{
		gates.putIfAbsent(engine, new Gate());
		if (!isActive())
			start();
		jobWasAdded();
	}

	boolean isStarted(ProcessEngineImpl engine)
	{
		Gate gate = gates.get(engine);
		return gate != null && gate.isOpen();
	}

	/**
	 * Stops acquiring and running the engine's jobs and waits until its running jobs are done.
	 *
	 * @return false if jobs were still running when the timeout passed
	 */
	boolean stopJobs(ProcessEngineImpl engine, Duration timeout) throws InterruptedException
	{
		Gate gate = gates.get(engine);
		if (gate == null)
			return true;
		try
		{
			return gate.closeAndAwait(timeout);
		}
		finally
		{
			gates.remove(engine, gate);
		}
	}

	/**
	 * Completed acquisition rounds (each asks every started engine for due jobs once). Rounds are counted when they
	 * end: the round under way during a clock advance may have begun before it, the next one cannot, so a count two
	 * higher than before an advance means acquisition has looked for jobs at the new time.
	 */
	long acquisitionRounds()
	{
		return acquisitionRounds.get();
	}

	/** Wakes job acquisition, e.g. after the network clock moved and timers became due. */
	synchronized void wakeUp()
	{
		if (isActive())
			jobWasAdded();
	}

	@Override
	public synchronized void registerProcessEngine(ProcessEngineImpl engine)
	{
		// no auto start: engines join with startJobs
		processEngines.add(engine);
	}

	@Override
	public synchronized void unregisterProcessEngine(ProcessEngineImpl engine)
	{
		// no auto shutdown with the last engine: the network shuts the executor down
		processEngines.remove(engine);
		Gate gate = gates.remove(engine);
		if (gate != null)
			gate.close();
	}

	@Override
	public Iterator<ProcessEngineImpl> engineIterator()
	{
		return processEngines.stream().filter(e ->
		{
			Gate gate = gates.get(e);
			return gate != null && gate.isOpen();
		}).iterator();
	}

	@Override
	protected void ensureInitialization()
	{
		super.ensureInitialization();
		acquireJobsRunnable = new Acquisition();
	}

	/**
	 * Camunda's acquisition loop with two changes: it skips engines that are closing, and a wake-up is never lost.
	 * Camunda wakes its acquisition with a flag that a round clears when it ends; a wake-up that arrives just before
	 * the clear is forgotten and the next round waits the full idle time. Here every wake-up counts up, and acquisition
	 * only goes to sleep if the count did not change since its current round began.
	 */
	private final class Acquisition extends SequentialJobAcquisitionRunnable
	{
		private final AtomicLong wakeUps = new AtomicLong();
		private long wakeUpsAtRoundStart;

		Acquisition()
		{
			super(NetworkJobExecutor.this);
		}

		@Override
		public void jobWasAdded()
		{
			isJobAdded = true;
			wakeUps.incrementAndGet();
			if (isWaiting.compareAndSet(true, false))
			{
				synchronized (MONITOR)
				{
					MONITOR.notifyAll();
				}
			}
		}

		@Override
		protected void suspendAcquisition(long millis)
		{
			try
			{
				if (millis > 0)
				{
					synchronized (MONITOR)
					{
						// waiting first, then the check: a wake-up either sees us waiting or we see its count
						isWaiting.set(true);
						if (!isInterrupted && wakeUps.get() == wakeUpsAtRoundStart)
							MONITOR.wait(millis);
					}
				}
			}
			catch (InterruptedException e)
			{
				// as Camunda: an interrupt ends the pause; stop() ends the loop
			}
			finally
			{
				isWaiting.set(false);
				wakeUpsAtRoundStart = wakeUps.get();
			}
		}

		@Override
		protected AcquiredJobs acquireJobs(JobAcquisitionContext context, JobAcquisitionStrategy strategy,
				ProcessEngineImpl engine)
		{
			Gate gate = gates.get(engine);
			if (gate == null || !gate.enter())
			{
				// the engine closed after this round began: nothing acquired, counts as idle
				AcquiredJobs none = new AcquiredJobs(getMaxJobsPerAcquisition());
				context.submitAcquiredJobs(engine.getName(), none);
				return none;
			}
			try
			{
				return super.acquireJobs(context, strategy, engine);
			}
			finally
			{
				gate.exit();
			}
		}

		@Override
		protected void configureNextAcquisitionCycle(JobAcquisitionContext context, JobAcquisitionStrategy strategy)
		{
			super.configureNextAcquisitionCycle(context, strategy);
			acquisitionRounds.incrementAndGet();
		}
	}

	/** Camunda's hint when a transaction created a due job; also called by {@link #wakeUp()}. */
	@Override
	public void jobWasAdded()
	{
		var acquisition = acquireJobsRunnable;
		// Camunda reads the field without a check and can race with shutdown, which clears it
		if (isActive && acquisition != null)
			acquisition.jobWasAdded();
	}

	@Override
	public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl engine)
	{
		Runnable jobs = super.getExecuteJobsRunnable(jobIds, engine);
		return () ->
		{
			Gate gate = gates.get(engine);
			// a closed engine's queued jobs are dropped; they stay locked in a database that is about to go away
			if (gate == null || !gate.enter())
				return;
			try
			{
				jobs.run();
			}
			finally
			{
				gate.exit();
			}
		};
	}

	@Override
	protected void startExecutingJobs()
	{
		if (threadPoolExecutor == null || threadPoolExecutor.isShutdown())
		{
			AtomicInteger threadNumber = new AtomicInteger();
			ThreadFactory threads = runnable ->
			{
				Thread thread = new Thread(runnable, threadNamePrefix + "-" + threadNumber.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			};
			threadPoolExecutor = new ThreadPoolExecutor(corePoolSize, maxPoolSize, 60, TimeUnit.SECONDS,
					new ArrayBlockingQueue<>(queueSize), threads, new ThreadPoolExecutor.AbortPolicy());
			threadPoolExecutor.allowCoreThreadTimeOut(true);
		}
		super.startExecutingJobs();
	}
}
