package org.dsftestbed.conformance.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report's enums appear in JSON as their lower-case names; one place maps both ways. */
final class EnumCodes
{
	private EnumCodes()
	{
	}

	static String code(Enum<?> value)
	{
		return value.name().toLowerCase(Locale.ROOT);
	}

	static <E extends Enum<E>> E parse(Class<E> type, String code, String what)
	{
		for (E value : type.getEnumConstants())
			if (code(value).equals(code))
				return value;
		throw new IllegalArgumentException("unknown " + what + " '" + code + "'; known: "
				+ Arrays.stream(type.getEnumConstants()).map(EnumCodes::code).collect(Collectors.joining(", ")));
	}
}
