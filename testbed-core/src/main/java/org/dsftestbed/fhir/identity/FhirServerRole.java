package org.dsftestbed.fhir.identity;

import java.util.EnumSet;
import java.util.Set;

/** What an identity may do at all on a DSF FHIR server (DSF 1.9.0 {@code FhirServerRole}). */
public enum FhirServerRole
{
	CREATE, READ, UPDATE, DELETE, SEARCH, HISTORY, PERMANENT_DELETE, WEBSOCKET;

	/** The local organization has every role. */
	public static final Set<FhirServerRole> LOCAL_ORGANIZATION = EnumSet.allOf(FhirServerRole.class);

	/** Remote organizations lack WEBSOCKET and PERMANENT_DELETE; the resource rules cut the rest further. */
	public static final Set<FhirServerRole> REMOTE_ORGANIZATION = EnumSet.of(CREATE, READ, UPDATE, DELETE, SEARCH,
			HISTORY);
}
