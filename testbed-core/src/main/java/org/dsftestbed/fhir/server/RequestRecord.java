package org.dsftestbed.fhir.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 * @param tasks
 *            the Tasks this request created or updated (one for a Task create/update, any number for a batch or
 *            transaction), as stored; empty for every other request
 */
public record RequestRecord(Instant time, String server, String caller, String method, String path, int status,
		String resourceType, String messageName, String businessKey, String correlationKey, Duration duration,
		List<TaskSnapshot> tasks)
{
	public RequestRecord
	{
		tasks = tasks == null ? List.of() : List.copyOf(tasks);
	}

	/** A record of a request that wrote no Task. */
	public RequestRecord(Instant time, String server, String caller, String method, String path, int status,
			String resourceType, String messageName, String businessKey, String correlationKey, Duration duration)
	{
		this(time, server, caller, method, path, status, resourceType, messageName, businessKey, correlationKey,
				duration, List.of());
	}

	/** Whether the caller is another organization (or unknown): what a message sequence between organizations shows. */
	public boolean crossOrganization()
	{
		return caller == null || !caller.equals(server);
	}
}
