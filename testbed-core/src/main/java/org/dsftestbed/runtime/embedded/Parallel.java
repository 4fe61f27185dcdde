package org.dsftestbed.runtime.embedded;

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
final class Parallel
{
	@FunctionalInterface
	interface Step<T, R>
	{
		R apply(T item) throws Exception;
	}

	/** Results in input order; a failed item's slot holds {@code null}, its exception goes to {@code failures}. */
	static <T, R> List<R> map(String name, List<T> items, int threads, Step<T, R> step, List<Exception> failures)
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
