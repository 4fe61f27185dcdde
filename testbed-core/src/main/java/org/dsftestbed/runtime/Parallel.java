package org.dsftestbed.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one start-up step for several organizations at once. All tasks run to their end even when one fails, so that
 * the caller can release everything that was built before reporting the first failure.
 */
public final class Parallel
{
	@FunctionalInterface
	public interface Step<T, R>
	{
		R apply(T item) throws Exception;
	}

	/** Results in input order; a failed item's slot holds {@code null}, its exception goes to {@code failures}. */
	public static <T, R> List<R> map(String name, List<T> items, int threads, Step<T, R> step, List<Exception> failures)
	{
		AtomicInteger counter = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())), r ->
		{
			Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		try
		{
			List<Future<R>> futures = new ArrayList<>();
			for (T item : items)
				futures.add(executor.submit(() -> step.apply(item)));
			List<R> results = new ArrayList<>();
			for (Future<R> future : futures)
				results.add(await(future, failures));
			return results;
		}
		finally
		{
			executor.shutdownNow();
		}
	}

	/**
	 * Throws the first failure {@link #map} collected, the others suppressed in it; a checked one wrapped in a
	 * {@link NetworkBootException} for {@code step}. Returns when there are none.
	 */
	public static void throwFirst(List<Exception> failures, String step)
	{
		if (failures.isEmpty())
			return;
		Exception first = failures.get(0);
		RuntimeException thrown = first instanceof RuntimeException r ? r : new NetworkBootException("?", step, first);
		failures.stream().skip(1).forEach(thrown::addSuppressed);
		throw thrown;
	}

	private static <R> R await(Future<R> future, List<Exception> failures)
	{
		try
		{
			return future.get();
		}
		catch (InterruptedException e)
		{
			Thread.currentThread().interrupt();
			failures.add(e);
			return null;
		}
		catch (ExecutionException e)
		{
			failures.add(e.getCause() instanceof Exception cause ? cause : e);
			return null;
		}
	}

	private Parallel()
	{
	}
}
