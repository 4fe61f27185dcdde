package org.dsftestbed.bpe.conformance;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/** The conformance checks' expectations: each throws an {@link AssertionError} saying what was found instead. */
public final class Expect
{
	private Expect()
	{
	}

	public static void equal(Object expected, Object actual)
	{
		if (!Objects.deepEquals(expected, actual))
			throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
	}

	public static void isTrue(boolean condition, String what)
	{
		if (!condition)
			throw new AssertionError("expected " + what);
	}

	public static <T> T present(Optional<T> optional, String what)
	{
		if (optional == null || optional.isEmpty())
			throw new AssertionError("expected " + what + " but found nothing");
		return optional.get();
	}

	public static void empty(Optional<?> optional)
	{
		if (optional == null)
			throw new AssertionError("expected an empty Optional but was null");
		optional.ifPresent(v -> { throw new AssertionError("expected nothing but found " + v); });
	}

	public static void empty(Collection<?> collection)
	{
		if (collection == null || !collection.isEmpty())
			throw new AssertionError("expected an empty collection but was " + collection);
	}

	public static void notNull(Object value, String what)
	{
		if (value == null)
			throw new AssertionError("expected " + what + " but was null");
	}

	public static void same(Object expected, Object actual, String what)
	{
		if (expected != actual)
			throw new AssertionError("expected " + what + " to be the same instance as <" + expected + "> but was <"
					+ actual + ">");
	}

	public static <E extends Throwable> void throwsA(Class<E> type, Checks.Check action)
	{
		try
		{
			action.run();
		}
		catch (Throwable e)
		{
			if (type.isInstance(e))
				return;
			throw new AssertionError("expected " + type.getSimpleName() + " but got " + e, e);
		}
		throw new AssertionError("expected " + type.getSimpleName() + " but nothing was thrown");
	}
}
