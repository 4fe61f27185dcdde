package org.dsftestbed.fhir.context;

import ca.uhn.fhir.context.FhirContext;

/**
 * The one HAPI FHIR R4 context of the JVM. Creating a context takes about a second and its model caches are large;
 * it is thread-safe, so every server, client and bundle builder shares this one. This package depends on nothing
 * else of the testbed, so every other package may use it.
 */
public final class FhirContexts
{
	private static final class Holder
	{
		static final FhirContext R4 = FhirContext.forR4();
	}

	private FhirContexts()
	{
	}

	public static FhirContext r4()
	{
		return Holder.R4;
	}
}
