package org.dsftestbed.fhir.server;

/** Told about every request a FHIR server answered, on the request's thread, after the response is written. */
@FunctionalInterface
public interface RequestListener
{
	void onRequest(RequestRecord record);

	RequestListener NONE = record -> {};
}
