package org.dsftestbed.fhir.search.parameter.basic;

/**
 * A token search value in one of the four forms DSF accepts: {@code code}, {@code system|code}, {@code |code} (code
 * without system) and {@code system|} (any code of the system).
 */
public record TokenValue(String system, String code, Form form, boolean negated)
{
	public enum Form
	{
		CODE, SYSTEM_AND_CODE, CODE_WITHOUT_SYSTEM, SYSTEM
	}

	/**
	 * @param value
	 *            not blank
	 * @param negated
	 *            whether the parameter was given with {@code :not}
	 */
	public static TokenValue parse(String value, boolean negated)
	{
		int bar = value.indexOf('|');
		if (bar < 0)
			return new TokenValue(null, value, Form.CODE, negated);
		if (bar == 0)
			return new TokenValue(null, value.substring(1), Form.CODE_WITHOUT_SYSTEM, negated);
		if (value.endsWith("|"))
			return new TokenValue(value.substring(0, value.length() - 1), null, Form.SYSTEM, negated);

		// like DSF, anything after a second bar is dropped
		String[] parts = value.split("[|]");
		return new TokenValue(parts[0], parts[1], Form.SYSTEM_AND_CODE, negated);
	}

	/** The value as echoed in links. */
	public String linkValue()
	{
		return switch (form)
		{
			case CODE -> code;
			case SYSTEM_AND_CODE -> system + "|" + code;
			case CODE_WITHOUT_SYSTEM -> "|" + code;
			case SYSTEM -> system + "|";
		};
	}
}
