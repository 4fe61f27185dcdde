package org.dsftestbed.bpe.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named checks of one activity, run in the order they were added; each one's failure is recorded, not thrown. */
public final class Checks
{
	/** One check: returns normally when it holds, throws (usually {@link AssertionError}) when not. */
	@FunctionalInterface
	public interface Check
	{
		void run() throws Exception;
	}

	/** A check's name, and why it failed ({@code null} if it succeeded). */
	public record Result(String name, String failure)
	{
		public boolean succeeded()
		{
			return failure == null;
		}
	}

	private final Map<String, Check> checks = new LinkedHashMap<>();

	public Checks add(String name, Check check)
	{
		if (checks.putIfAbsent(name, check) != null)
			throw new IllegalArgumentException("Two checks named " + name);
		return this;
	}

	public List<Result> run()
	{
		List<Result> results = new ArrayList<>();
		checks.forEach((name, check) ->
		{
			try
			{
				check.run();
				results.add(new Result(name, null));
			}
			catch (Throwable e)
			{
				results.add(new Result(name, e.getClass().getSimpleName() + ": " + e.getMessage()));
			}
		});
		return results;
	}
}
