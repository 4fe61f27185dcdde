package org.dsftestbed.bpe.engine;

import java.util.Objects;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dsftestbed.time.NetworkClock;

/**
 * Makes Camunda's clock follow one {@link NetworkClock}.
 * <p>
 * Camunda reads time only through {@link ClockUtil}, which keeps a single offset for the whole JVM (in Joda-Time's
 * static {@code DateTimeUtils}). An offset is exactly what a {@link NetworkClock} is, so Camunda's time equals the
 * network's time to the millisecond. Because there is only one such offset per JVM, only one network clock can drive
 * it at a time: networks in one JVM either share one {@link NetworkClock} instance (then they also share simulated time)
 * or run one after the other. Binding a second, different clock while the first is in use fails instead of silently
 * giving one network the other's time. When the last user releases the clock, Camunda's clock is reset to real time.
 */
final class CamundaClock
{
	private static NetworkClock bound;
	private static int users;

	private CamundaClock()
	{
	}

	static synchronized void bind(NetworkClock clock)
	{
		Objects.requireNonNull(clock, "clock");
		if (bound != null && bound != clock)
			throw new IllegalStateException("Camunda's clock is one per JVM and already follows another network's clock ("
					+ bound + "); networks in one JVM must share one NetworkClock instance or run one after the other");

		bound = clock;
		users++;
		ClockUtil.offset(clock.offset().toMillis());
	}

	/** Copies the clock's current offset into Camunda's clock; called after every advance. */
	static synchronized void follow(NetworkClock clock)
	{
		if (bound == clock)
			ClockUtil.offset(clock.offset().toMillis());
	}

	static synchronized void release(NetworkClock clock)
	{
		if (bound != clock || users == 0)
			return;

		if (--users == 0)
		{
			bound = null;
			ClockUtil.reset();
		}
	}
}
