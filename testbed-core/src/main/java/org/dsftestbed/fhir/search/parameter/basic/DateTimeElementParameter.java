package org.dsftestbed.fhir.search.parameter.basic;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Resource;

/**
 * A date parameter on a dateTime element such as {@code Task.authoredOn}. DSF casts the element's JSON text to a
 * timestamp without time zone, so the wall-clock time as written counts and its offset is ignored; a date alone is
 * midnight.
 */
public abstract class DateTimeElementParameter<R extends Resource> extends DateParameter<R>
{
	private static final Pattern WALL_CLOCK = Pattern
			.compile("(\\d{4}-\\d{2}-\\d{2})(?:T(\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?))?.*");

	private final Function<R, DateTimeType> element;

	/**
	 * @param element
	 *            the element, null if absent
	 */
	protected DateTimeElementParameter(Class<R> type, String name, Function<R, DateTimeType> element)
	{
		super(type, name);
		this.element = element;
	}

	@Override
	protected LocalDateTime timestampOf(R resource, ZoneId serverTimeZone)
	{
		return wallClockTime(resource);
	}

	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		return wallClockTime(resource);
	}

	/** Null for an absent element and for year or year-month precision, which PostgreSQL cannot cast. */
	private LocalDateTime wallClockTime(R resource)
	{
		DateTimeType value = element.apply(resource);
		if (value == null || !value.hasValue())
			return null;

		Matcher m = WALL_CLOCK.matcher(value.getValueAsString());
		if (!m.matches())
			return null;
		LocalDate date = LocalDate.parse(m.group(1));
		return m.group(2) == null ? date.atStartOfDay() : LocalDateTime.of(date, LocalTime.parse(m.group(2)));
	}
}
