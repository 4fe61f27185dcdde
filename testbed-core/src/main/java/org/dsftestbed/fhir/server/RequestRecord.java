package org.dsftestbed.fhir.server;

import java.time.Duration;
import java.time.Instant;

/**
 * One request a FHIR server answered, as the run recorder and reports need it: who asked whom for what, and for
 * Tasks the DSF message name, business key and correlation key, so runs can be drawn as message sequences.
 *
 * @param server
 *            identifier of the organization whose server answered
 * @param caller
 *            identifier of the calling organization (or practitioner), {@code null} when unauthenticated
 * @param resourceType
 *            resource type of the request, {@code null} for system-level requests
 * @param messageName
 *            Task input {@code bpmn-message#message-name}, or {@code null}
 */
public record RequestRecord(Instant time, String server, String caller, String method, String path, int status,
		String resourceType, String messageName, String businessKey, String correlationKey, Duration duration)
{
}
