package org.dsftestbed.conformance.record;

import java.time.Instant;
import java.util.Objects;

import org.dsftestbed.fhir.server.RequestRecord;

/**
 * One request as the recorder kept it.
 *
 * @param sequence
 *            the order in which servers reported requests to the recorder, unique per recorder
 * @param networkTime
 *            when the request started in the network's simulated time ({@link org.dsftestbed.time.NetworkClock}),
 *            equal to {@code request.time()} (wall time) when the recorder has no network clock
 * @param request
 *            what the server reported
 */
public record RecordedRequest(long sequence, Instant networkTime, RequestRecord request)
{
	public RecordedRequest
	{
		Objects.requireNonNull(networkTime, "networkTime");
		Objects.requireNonNull(request, "request");
	}

	/** Wall time when the request started. */
	public Instant time()
	{
		return request.time();
	}

	/** A request between organizations; the others are an organization's BPE or users talking to its own server. */
	public boolean crossOrganization()
	{
		return request.crossOrganization();
	}
}
