package org.dsftestbed.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulated time of one network: real (system) time plus an offset that only grows. Every component of the network
 * reads time from it — the BPE engines' timers, the FHIR servers' {@code lastUpdated}, certificates — so that
 * "time advances by 45 minutes" is one call that all of them see at once, without anyone waiting in real time.
 *
 * <pre>{@code
 * NetworkClock clock = new NetworkClock();
 * FhirServerConfig fhir = FhirServerConfig.of(...).withClock(clock);   // a java.time.Clock
 * clock.advance(Duration.ofMinutes(5));                                // due timers fire now
 * }</pre>
 *
 * Resolution is milliseconds (as Camunda's clock). Time never moves backwards: BPMN timers already scheduled and
 * Camunda's job locks assume a monotonic clock.
 * <p>
 * This type lives in a package of its own with no dependencies, so that the FHIR server, the BPE and the runtimes can
 * all take it, and the runtime that starts a network owns the one instance.
 */
public final class NetworkClock extends Clock
{
	/** A registration of an {@link NetworkClock#onAdvance(Consumer) advance listener}; closing it removes the listener. */
	public interface Registration extends AutoCloseable
	{
		@Override
		void close();
	}

	private final List<Consumer<Duration>> listeners = new CopyOnWriteArrayList<>();
	private volatile long offsetMillis;

	/** A clock that shows real time until it is advanced. */
	public NetworkClock()
	{
		this(0);
	}

	private NetworkClock(long offsetMillis)
	{
		this.offsetMillis = offsetMillis;
	}

	/**
	 * A clock that starts at the given instant and then runs at real speed, e.g. for a scenario set on a fixed date.
	 * The start may lie in the past.
	 */
	public static NetworkClock startingAt(Instant start)
	{
		return new NetworkClock(start.toEpochMilli() - System.currentTimeMillis());
	}

	/** Milliseconds since the epoch, in simulated time. */
	@Override
	public long millis()
	{
		return System.currentTimeMillis() + offsetMillis;
	}

	@Override
	public Instant instant()
	{
		return Instant.ofEpochMilli(millis());
	}

	/** How far simulated time is ahead of (or, for {@link #startingAt(Instant)} in the past, behind) real time. */
	public Duration offset()
	{
		return Duration.ofMillis(offsetMillis);
	}

	/**
	 * Moves simulated time forward, then calls every {@link #onAdvance(Consumer) listener} in this thread, in the order
	 * they registered. When this returns, everything reading the clock sees the new time and every listener has run
	 * (the BPE engines have been told to look for due timers; firing them happens on their job threads).
	 *
	 * @throws IllegalArgumentException
	 *             if {@code amount} is negative: time only moves forward
	 * @throws RuntimeException
	 *             the first exception a listener threw, after all listeners ran; the time has advanced regardless
	 */
	public synchronized void advance(Duration amount)
	{
		Objects.requireNonNull(amount, "amount");
		if (amount.isNegative())
			throw new IllegalArgumentException("Time only moves forward, cannot advance by " + amount);

		offsetMillis = Math.addExact(offsetMillis, amount.toMillis());

		RuntimeException first = null;
		for (Consumer<Duration> listener : listeners)
		{
			try
			{
				listener.accept(amount);
			}
			catch (RuntimeException e)
			{
				if (first == null)
					first = e;
				else
					first.addSuppressed(e);
			}
		}
		if (first != null)
			throw first;
	}

	/**
	 * Registers a listener called after every {@link #advance(Duration)} with the amount advanced. Listeners run in the
	 * advancing thread and must be quick.
	 */
	public Registration onAdvance(Consumer<Duration> listener)
	{
		Objects.requireNonNull(listener, "listener");
		listeners.add(listener);
		return () -> listeners.remove(listener);
	}

	/** Always UTC; use {@link #withZone(ZoneId)} for a view in another zone. */
	@Override
	public ZoneId getZone()
	{
		return ZoneOffset.UTC;
	}

	/** A view of this clock in another zone: it shows the same instants and follows every advance. */
	@Override
	public Clock withZone(ZoneId zone)
	{
		Objects.requireNonNull(zone, "zone");
		if (zone.equals(getZone()))
			return this;

		NetworkClock source = this;
		return new Clock()
		{
			@Override
			public ZoneId getZone()
			{
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other)
			{
				return source.withZone(other);
			}

			@Override
			public long millis()
			{
				return source.millis();
			}

			@Override
			public Instant instant()
			{
				return source.instant();
			}
		};
	}

	@Override
	public String toString()
	{
		return "NetworkClock[offset=" + offset() + "]";
	}
}
