package org.dsftestbed.runtime;

import java.time.Duration;

/**
 * Faults a scenario injects into a running network, named by organization identifier. Every runtime offers the same
 * faults; what they mean on the wire is the same: an offline organization refuses connections, latency delays every
 * request to its endpoint, an organization missing from the allow lists is answered 401 by the others, a paused BPE
 * leaves Tasks {@code requested}, an expired client certificate fails the TLS handshake.
 */
public interface NetworkFaults
{
	/** Its FHIR endpoint stops accepting connections; its data and running processes are kept. */
	void takeOffline(String organization);

	/** Its FHIR endpoint accepts connections again; its BPE resubscribes. */
	void bringOnline(String organization);

	/** Every request to its FHIR endpoint waits this long before it is handled; {@link Duration#ZERO} to stop. */
	void setLatency(String organization, Duration latency);

	/** Every other organization deletes it from its allow list (Organization, Endpoint, affiliations). */
	void removeFromAllowLists(String organization);

	/**
	 * Its BPE stops taking Tasks: its FHIR server still accepts them (they stay {@code requested}), nothing answers
	 * them. Running processes keep running.
	 */
	void pauseBpe(String organization);

	/**
	 * Its client certificate expires now: every FHIR server, its own included, refuses it in the TLS handshake from
	 * now on and drops the connections it opened with it. Its server certificate stays valid, so others still reach it.
	 */
	void expireClientCertificate(String organization);

	/** Its BPE takes Tasks again, first those that arrived while it was paused (DSF's catch-up search). */
	void resumeBpe(String organization);
}
