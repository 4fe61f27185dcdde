package org.dsftestbed.fhir.identity;

import java.util.Set;

import org.hl7.fhir.r4.model.Organization;

/** An allow-listed organization, local or remote. */
public record OrganizationIdentity(boolean isLocal, Organization organization, String organizationIdentifier,
		String thumbprint) implements Identity
{
	@Override
	public Set<FhirServerRole> roles()
	{
		return isLocal ? FhirServerRole.LOCAL_ORGANIZATION : FhirServerRole.REMOTE_ORGANIZATION;
	}

	@Override
	public String displayName()
	{
		return organizationIdentifier;
	}
}
