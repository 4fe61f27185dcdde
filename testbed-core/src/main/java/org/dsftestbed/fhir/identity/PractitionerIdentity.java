package org.dsftestbed.fhir.identity;

import java.util.Set;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;

/**
 * A person of the local organization, e.g. the browser user, identified by a certificate listed in the role
 * configuration; always local.
 */
public record PractitionerIdentity(String name, Organization organization, String organizationIdentifier,
		String thumbprint, Set<FhirServerRole> roles, Set<Coding> practitionerRoles) implements Identity
{
	@Override
	public boolean isLocal()
	{
		return true;
	}

	@Override
	public String displayName()
	{
		return name + " (" + organizationIdentifier + ")";
	}
}
