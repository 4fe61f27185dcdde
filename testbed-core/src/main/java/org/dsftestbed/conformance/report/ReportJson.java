package org.dsftestbed.conformance.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * {@code conformance-report.json}: the {@link ConformanceReport} as JSON (format described there), written pretty
 * and read back, e.g. by tools that compare runs. Jackson without its java.time module (not on DSF's classpath):
 * instants and durations get their two small converters here.
 */
public final class ReportJson
{
	private static final ObjectMapper MAPPER = mapper();

	private ReportJson()
	{
	}

	private static ObjectMapper mapper()
	{
		SimpleModule time = new SimpleModule("dsf-testbed-report-time");
		time.addSerializer(Instant.class, new JsonSerializer<>()
		{
			@Override
			public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException
			{
				out.writeString(value.toString());
			}
		});
		time.addDeserializer(Instant.class, new JsonDeserializer<>()
		{
			@Override
			public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException
			{
				try
				{
					return Instant.parse(in.getValueAsString());
				}
				catch (DateTimeParseException e)
				{
					return (Instant) context.handleWeirdStringValue(Instant.class, in.getValueAsString(),
							"not an ISO-8601 instant such as 2025-01-31T12:00:00Z");
				}
			}
		});
		time.addSerializer(Duration.class, new JsonSerializer<>()
		{
			@Override
			public void serialize(Duration value, JsonGenerator out, SerializerProvider provider) throws IOException
			{
				out.writeNumber(value.toMillis());
			}
		});
		time.addDeserializer(Duration.class, new JsonDeserializer<>()
		{
			@Override
			public Duration deserialize(JsonParser in, DeserializationContext context) throws IOException
			{
				return Duration.ofMillis(in.getValueAsLong());
			}
		});
		return new ObjectMapper().registerModule(time).setSerializationInclusion(JsonInclude.Include.NON_NULL)
				.enable(SerializationFeature.INDENT_OUTPUT)
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	public static void write(ConformanceReport report, OutputStream out)
	{
		try
		{
			MAPPER.writeValue(out, report);
		}
		catch (IOException e)
		{
			throw new UncheckedIOException("writing the conformance report as JSON failed", e);
		}
	}

	public static String toJson(ConformanceReport report)
	{
		try
		{
			return MAPPER.writeValueAsString(report);
		}
		catch (IOException e)
		{
			throw new UncheckedIOException("writing the conformance report as JSON failed", e);
		}
	}

	/**
	 * @throws IOException
	 *             when the input is no conformance report; the message names the field and line
	 */
	public static ConformanceReport read(InputStream in) throws IOException
	{
		return MAPPER.readValue(in, ConformanceReport.class);
	}
}
