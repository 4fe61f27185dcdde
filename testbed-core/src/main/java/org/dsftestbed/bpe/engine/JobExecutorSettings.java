package org.dsftestbed.bpe.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Size and polling of the one job executor that all engines of a network share.
 *
 * @param corePoolSize
 *            job threads kept while there is work (DSF's {@code DEV_DSF_BPE_PROCESS_ENGINE_COREPOOLSIZE}, default 4)
 * @param maxPoolSize
 *            job threads at most, used when the queue is full (DSF's {@code ..._MAXPOOLSIZE}, default 10)
 * @param queueSize
 *            acquired jobs waiting for a thread (DSF's {@code ..._QUEUESIZE}, default 40)
 * @param idleWait
 *            first pause of job acquisition after a round that found no due job; doubles on every further idle round
 * @param maxIdleWait
 *            longest such pause. It bounds how late a timer fires that becomes due in real time; timers made due by
 *            {@link org.dsftestbed.time.NetworkClock#advance(Duration)} and new async jobs wake acquisition at once
 */
public record JobExecutorSettings(int corePoolSize, int maxPoolSize, int queueSize, Duration idleWait,
		Duration maxIdleWait)
{
	public JobExecutorSettings
	{
		if (corePoolSize < 1 || maxPoolSize < corePoolSize || queueSize < 1)
			throw new IllegalArgumentException("Need 1 <= corePoolSize <= maxPoolSize and queueSize >= 1, got "
					+ corePoolSize + ", " + maxPoolSize + ", " + queueSize);
		Objects.requireNonNull(idleWait, "idleWait");
		Objects.requireNonNull(maxIdleWait, "maxIdleWait");
		if (idleWait.toMillis() < 1 || maxIdleWait.compareTo(idleWait) < 0
				|| maxIdleWait.toMillis() > Integer.MAX_VALUE)
			throw new IllegalArgumentException(
					"Need 1 ms <= idleWait <= maxIdleWait, got " + idleWait + ", " + maxIdleWait);
	}

	/**
	 * DSF's pool sizes (4 core, 10 max, queue 40) for the whole network, and acquisition pauses of 1 s up to 5 s when
	 * idle (Camunda's defaults, which DSF keeps, are 5 s up to 60 s: a real-time timer would fire up to a minute late).
	 */
	public static JobExecutorSettings defaults()
	{
		return new JobExecutorSettings(4, 10, 40, Duration.ofSeconds(1), Duration.ofSeconds(5));
	}

	public JobExecutorSettings withPoolSize(int corePoolSize, int maxPoolSize, int queueSize)
	{
		return new JobExecutorSettings(corePoolSize, maxPoolSize, queueSize, idleWait, maxIdleWait);
	}

	public JobExecutorSettings withIdleWait(Duration idleWait, Duration maxIdleWait)
	{
		return new JobExecutorSettings(corePoolSize, maxPoolSize, queueSize, idleWait, maxIdleWait);
	}
}
