package org.dsftestbed.conformance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A request from one organization to another's FHIR server: for DSF processes mostly a Task carrying a BPMN
 * message.
 *
 * @param time
 *            wall time the request started
 * @param networkTime
 *            the same in the network's simulated time
 * @param from
 *            calling organization, {@value Organization#UNKNOWN} when unauthenticated
 * @param to
 *            organization whose server answered
 * @param method
 *            HTTP method
 * @param path
 *            path below the FHIR base URL, e.g. {@code Task} or {@code Bundle/42}
 * @param status
 *            HTTP status of the answer
 * @param resourceType
 *            the request's resource type, or {@code null}
 * @param messageName
 *            for Tasks the {@code bpmn-message#message-name} input, or {@code null}
 * @param businessKey
 *            for Tasks the {@code bpmn-message#business-key} input, or {@code null}
 * @param correlationKey
 *            for Tasks the {@code bpmn-message#correlation-key} input, or {@code null}
 * @param duration
 *            how long the server took; JSON field {@code durationMillis}
 */
public record Message(Instant time, Instant networkTime, String from, String to, String method, String path,
		int status, String resourceType, String messageName, String businessKey, String correlationKey,
		@JsonProperty("durationMillis") Duration duration)
{
	public Message
	{
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(method, "method");
	}

	/** Refused or failed: 4xx and 5xx answers. */
	@JsonIgnore
	public boolean failed()
	{
		return status >= 400;
	}

	/** What the diagram's arrow says: the message name, or method and path. */
	@JsonIgnore
	public String label()
	{
		return messageName != null ? messageName : method + " " + (path == null || path.isEmpty() ? "/" : path);
	}
}
