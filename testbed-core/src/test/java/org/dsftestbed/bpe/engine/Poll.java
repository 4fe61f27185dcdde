package org.dsftestbed.bpe.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waiting for asynchronous engine work: polls a condition, fails with a description at the timeout. */
final class Poll
{
	private Poll()
	{
	}

	/** @return how long it took */
	static Duration until(String what, Duration timeout, BooleanSupplier condition)
	{
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (!condition.getAsBoolean())
		{
			if (System.nanoTime() > deadline)
				throw new AssertionError("Not within " + timeout + ": " + what);
			try
			{
				Thread.sleep(10);
			}
			catch (InterruptedException e)
			{
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting: " + what, e);
			}
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}
}
