package org.dsftestbed.fhir.search.parameter.basic;

/**
 * SQL's three-valued logic. DSF evaluates search parameters as SQL over the resources' JSON, where a missing element
 * compares as NULL: {@code status <> 'x'} does not select a resource without status. Parameters that support
 * {@code :not} compute their positive comparison in this logic and negate it, so such resources stay out of negated
 * searches just as they do in DSF.
 */
public enum SqlTruth
{
	TRUE, FALSE, UNKNOWN;

	public static SqlTruth of(boolean value)
	{
		return value ? TRUE : FALSE;
	}

	/** Compares a possibly missing value: a missing value (null) is UNKNOWN. */
	public static SqlTruth equal(Object actual, Object expected)
	{
		return actual == null ? UNKNOWN : of(actual.equals(expected));
	}

	public SqlTruth not()
	{
		return switch (this)
		{
			case TRUE -> FALSE;
			case FALSE -> TRUE;
			case UNKNOWN -> UNKNOWN;
		};
	}

	public SqlTruth and(SqlTruth other)
	{
		if (this == FALSE || other == FALSE)
			return FALSE;
		return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
	}

	public SqlTruth or(SqlTruth other)
	{
		if (this == TRUE || other == TRUE)
			return TRUE;
		return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
	}

	/** A WHERE clause keeps a row only when its condition is TRUE. */
	public boolean selects()
	{
		return this == TRUE;
	}
}
