package org.dsftestbed.runtime.container.organization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

import org.dsftestbed.fhir.server.RequestRecord;
import org.dsftestbed.fhir.server.TaskSnapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One {@link RequestRecord} as one line of an organization container's stdout, so the runtime following the
 * container's log can hand it to the run recorder as if the server ran in its own JVM.
 * <p>
 * Format (stable; fields may be added, never renamed): {@code RECORD } followed by one JSON object on the same line,
 * fields that are {@code null} left out:
 *
 * <pre>
 * RECORD {"time":"2026-01-31T12:00:00.123456Z","networkTime":"2026-02-01T12:00:00.123456Z","server":"hrp.dsf.test",
 *   "caller":"dic.dsf.test","method":"POST","path":"Task","status":201,"resourceType":"Task",
 *   "messageName":"ping","businessKey":"…","correlationKey":"…","durationNanos":12345000,
 *   "tasks":[{"id":"…","version":"1","status":"requested","instantiatesCanonical":"http://dsf.dev/bpe/Process/pong|1.0",
 *     "messageName":"ping","businessKey":"…","correlationKey":"…","outputs":[{"system":"…","code":"…","value":"…"}]}]}
 * </pre>
 *
 * {@code time} is the container's wall time when the request started (ISO-8601, full precision), {@code networkTime}
 * the same moment on the organization's simulated clock, {@code durationNanos} how long answering took. Required:
 * {@code time}, {@code networkTime}, {@code server}, {@code method}, {@code path}, {@code status}; {@code tasks} may be
 * left out for none, a Task's {@code id} is required.
 */
public final class RequestRecordLine
{
	/** How a record line starts; no other line of the organization image starts so. */
	public static final String PREFIX = "RECORD ";

	/**
	 * A record read back, with the network time it was made at.
	 *
	 * @param networkTime
	 *            when the request started on the simulated clock of the organization that answered it
	 */
	public record Parsed(RequestRecord request, Instant networkTime)
	{
	}

	// the line's JSON shape, kept apart from the domain records so that changing those cannot change the format
	private record LineJson(String time, String networkTime, String server, String caller, String method, String path,
			Integer status, String resourceType, String messageName, String businessKey, String correlationKey,
			Long durationNanos, List<TaskJson> tasks)
	{
	}

	private record TaskJson(String id, String version, String status, String instantiatesCanonical,
			String messageName, String businessKey, String correlationKey, List<OutputJson> outputs)
	{
	}

	private record OutputJson(String system, String code, String value)
	{
	}

	private static final ObjectMapper MAPPER = new ObjectMapper()
			.setSerializationInclusion(JsonInclude.Include.NON_NULL)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private RequestRecordLine()
	{
	}

	/**
	 * @param networkTime
	 *            {@code record.time()} on the answering organization's simulated clock
	 * @return the line, without line break
	 */
	public static String format(RequestRecord record, Instant networkTime)
	{
		Objects.requireNonNull(networkTime, "networkTime");
		LineJson line = new LineJson(record.time().toString(), networkTime.toString(), record.server(),
				record.caller(), record.method(), record.path(), record.status(), record.resourceType(),
				record.messageName(), record.businessKey(), record.correlationKey(),
				record.duration() == null ? null : record.duration().toNanos(),
				record.tasks().stream().map(RequestRecordLine::toJson).toList());
		try
		{
			return PREFIX + MAPPER.writeValueAsString(line);
		}
		catch (JsonProcessingException e)
		{
			throw new UncheckedIOException("writing a request record as a line failed", e);
		}
	}

	private static TaskJson toJson(TaskSnapshot task)
	{
		return new TaskJson(task.id(), task.version(), task.status(), task.instantiatesCanonical(),
				task.messageName(), task.businessKey(), task.correlationKey(), task.outputs().stream()
						.map(o -> new OutputJson(o.system(), o.code(), o.value())).toList());
	}

	/** Whether the line is meant to be a record line (it may still be malformed). */
	public static boolean isRecordLine(String line)
	{
		return line.startsWith(PREFIX);
	}

	/**
	 * @throws IllegalArgumentException
	 *             when the line is no record line, no JSON, or misses a required field; the message names what is wrong
	 */
	public static Parsed parse(String line)
	{
		if (!isRecordLine(line))
			throw new IllegalArgumentException("not a record line: it does not start with '" + PREFIX + "'");
		LineJson json;
		try
		{
			json = MAPPER.readValue(line.substring(PREFIX.length()), LineJson.class);
		}
		catch (IOException e)
		{
			throw new IllegalArgumentException("not a JSON record: " + firstLine(e.getMessage()), e);
		}
		if (json == null)
			throw new IllegalArgumentException("not a JSON record: null");
		List<TaskJson> tasks = json.tasks() == null ? List.of() : json.tasks();
		RequestRecord record = new RequestRecord(instant(json.time(), "time"), required(json.server(), "server"),
				json.caller(), required(json.method(), "method"), required(json.path(), "path"),
				required(json.status(), "status"), json.resourceType(), json.messageName(), json.businessKey(),
				json.correlationKey(), json.durationNanos() == null ? null : Duration.ofNanos(json.durationNanos()),
				tasks.stream().map(RequestRecordLine::fromJson).toList());
		return new Parsed(record, instant(json.networkTime(), "networkTime"));
	}

	private static TaskSnapshot fromJson(TaskJson task)
	{
		if (task == null)
			throw new IllegalArgumentException("field 'tasks' holds null instead of a Task");
		List<OutputJson> outputs = task.outputs() == null ? List.of() : task.outputs();
		return new TaskSnapshot(required(task.id(), "tasks[].id"), task.version(), task.status(),
				task.instantiatesCanonical(), task.messageName(), task.businessKey(), task.correlationKey(),
				outputs.stream().map(o ->
				{
					if (o == null)
						throw new IllegalArgumentException("field 'tasks[].outputs' holds null instead of an output");
					return new TaskSnapshot.Output(o.system(), o.code(), o.value());
				}).toList());
	}

	private static <T> T required(T value, String field)
	{
		if (value == null)
			throw new IllegalArgumentException("field '" + field + "' is missing");
		return value;
	}

	private static Instant instant(String value, String field)
	{
		try
		{
			return Instant.parse(required(value, field));
		}
		catch (DateTimeParseException e)
		{
			throw new IllegalArgumentException(
					"field '" + field + "' is not an ISO-8601 instant such as 2026-01-31T12:00:00Z: " + value, e);
		}
	}

	private static String firstLine(String message)
	{
		if (message == null)
			return "unreadable";
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}
}
