package org.dsftestbed.fhir.server;

import java.time.Instant;

/** Told about every request a FHIR server answered, on the request's thread, after the response is written. */
@FunctionalInterface
public interface RequestListener
{
	void onRequest(RequestRecord record);

	/**
	 * A request answered by a server whose simulated clock is not this JVM's, e.g. one inside a container, with the
	 * request's start on that clock. Listeners that keep network time override this; the others get
	 * {@link #onRequest(RequestRecord)}.
	 */
	default void onRequest(RequestRecord record, Instant networkTime)
	{
		onRequest(record);
	}

	RequestListener NONE = record -> {};
}
