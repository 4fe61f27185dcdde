package org.dsftestbed.fhir.search.parameter.basic;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import org.hl7.fhir.r4.model.Resource;

/**
 * A date parameter with the prefixes {@code eq ne gt lt ge le}. Accepted values, as in DSF: a date-time with offset, a
 * date-time without offset (read in the server's time zone; the BPE's catch-up poll sends these), a date, and for
 * {@code eq} only a year or year-month.
 * <p>
 * DSF compares in SQL {@code timestamp without time zone}: the resource side is the wall-clock time written in the
 * resource (its offset ignored), the request side is converted to the server's time zone. Date values compare the
 * calendar date of that wall-clock time.
 */
public abstract class DateParameter<R extends Resource> extends AbstractSearchParameter<R>
{
	public enum Comparison
	{
		EQ, NE, GT, LT, GE, LE;

		String prefix()
		{
			return name().toLowerCase(Locale.ROOT);
		}

		<T extends Comparable<T>> boolean holds(T actual, T requested)
		{
			int c = actual.compareTo(requested);
			return switch (this)
			{
				case EQ -> c == 0;
				case NE -> c != 0;
				case GT -> c > 0;
				case LT -> c < 0;
				case GE -> c >= 0;
				case LE -> c <= 0;
			};
		}
	}

	private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
	private static final Pattern YEAR_MONTH = Pattern.compile("([0-9]{4})-([0-9]{2})");

	/** A parsed value: a point in time, a day, or a period [start, end) of days. */
	private sealed interface DateValue permits PointInTime, Day, Period
	{
		boolean matches(LocalDateTime timestamp, ZoneId serverTimeZone);

		String linkValue();
	}

	private record PointInTime(Comparison comparison, ZonedDateTime value) implements DateValue
	{
		@Override
		public boolean matches(LocalDateTime timestamp, ZoneId serverTimeZone)
		{
			return comparison.holds(timestamp, value.withZoneSameInstant(serverTimeZone).toLocalDateTime());
		}

		@Override
		public String linkValue()
		{
			return comparison.prefix() + value.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
	}

	private record Day(Comparison comparison, LocalDate value) implements DateValue
	{
		@Override
		public boolean matches(LocalDateTime timestamp, ZoneId serverTimeZone)
		{
			return comparison.holds(timestamp.toLocalDate(), value);
		}

		@Override
		public String linkValue()
		{
			return comparison.prefix() + value.format(DateTimeFormatter.ISO_LOCAL_DATE);
		}
	}

	private record Period(LocalDate start, LocalDate endExclusive, String text) implements DateValue
	{
		@Override
		public boolean matches(LocalDateTime timestamp, ZoneId serverTimeZone)
		{
			LocalDate date = timestamp.toLocalDate();
			return !date.isBefore(start) && date.isBefore(endExclusive);
		}

		@Override
		public String linkValue()
		{
			return Comparison.EQ.prefix() + text;
		}
	}

	protected DateParameter(Class<R> type, String name)
	{
		super(type, name, List.of());
	}

	@Override
	protected final Optional<Criterion> parseValue(String modifier, String value, ZoneId serverTimeZone,
			List<ParameterProblem> problems)
	{
		// a '+' of an offset arrives as space when the client did not encode it
		String fixed = value.replace(' ', '+');
		Optional<DateValue> parsed = parse(fixed, serverTimeZone);
		if (parsed.isEmpty())
		{
			problems.add(ParameterProblem.unparsableValue(name, fixed, "not a date or date-time"));
			return Optional.empty();
		}

		DateValue date = parsed.get();
		return Optional.of(criterion(name, date.linkValue(), resource ->
		{
			LocalDateTime timestamp = timestampOf(resource, serverTimeZone);
			return timestamp != null && date.matches(timestamp, serverTimeZone);
		}));
	}

	private static Optional<DateValue> parse(String value, ZoneId serverTimeZone)
	{
		Optional<Comparison> prefix = Arrays.stream(Comparison.values())
				.filter(c -> value.toLowerCase(Locale.ROOT).startsWith(c.prefix())).findFirst();
		Comparison comparison = prefix.orElse(Comparison.EQ);
		// as in DSF, only a prefixed value is upper-cased
		String text = prefix.isPresent() ? value.substring(2).toUpperCase(Locale.ROOT) : value;

		Optional<ZonedDateTime> dateTime = parseDateTime(text, DateTimeFormatter.ISO_DATE_TIME)
				.or(() -> parseDateTime(text, DateTimeFormatter.ISO_DATE_TIME.withZone(serverTimeZone)));
		if (dateTime.isPresent())
			return Optional.of(new PointInTime(comparison, dateTime.get()));

		Optional<LocalDate> day = parseDay(text);
		if (day.isPresent())
			return Optional.of(new Day(comparison, day.get()));

		// periods only without prefix (or with eq), as in DSF
		if (comparison == Comparison.EQ)
			return parsePeriod(text);

		return Optional.empty();
	}

	private static Optional<DateValue> parsePeriod(String text)
	{
		Matcher yearMonth = YEAR_MONTH.matcher(text);
		if (yearMonth.matches())
		{
			int month = Integer.parseInt(yearMonth.group(2));
			if (month < 1 || month > 12)
				return Optional.empty();
			LocalDate start = LocalDate.of(Integer.parseInt(yearMonth.group(1)), month, 1);
			return Optional.of(new Period(start, start.plusMonths(1), text));
		}
		if (YEAR.matcher(text).matches())
		{
			LocalDate start = LocalDate.of(Integer.parseInt(text), 1, 1);
			return Optional.of(new Period(start, start.plusYears(1), text));
		}
		return Optional.empty();
	}

	private static Optional<LocalDate> parseDay(String text)
	{
		try
		{
			return Optional.of(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
		}
		catch (DateTimeParseException e)
		{
			return Optional.empty();
		}
	}

	private static Optional<ZonedDateTime> parseDateTime(String text, DateTimeFormatter format)
	{
		try
		{
			return Optional.of(ZonedDateTime.parse(text, format));
		}
		catch (DateTimeParseException e)
		{
			return Optional.empty();
		}
	}

	/**
	 * @return the wall-clock time DSF's SQL compares for this resource, null if the element is absent or unusable
	 */
	protected abstract LocalDateTime timestampOf(R resource, ZoneId serverTimeZone);
}
