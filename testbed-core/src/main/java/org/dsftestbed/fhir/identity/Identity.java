package org.dsftestbed.fhir.identity;

import java.util.Set;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;

/**
 * Who sent a request, as the FHIR server decided from the client certificate: an organization (local or remote)
 * found by certificate thumbprint in the allow list, or a practitioner of the local organization listed in the role
 * configuration.
 */
public sealed interface Identity permits OrganizationIdentity, PractitionerIdentity
{
	/** Whether the identity belongs to the organization running this server. */
	boolean isLocal();

	/** The organization of the identity (for practitioners: the local organization); a stored copy with its id. */
	Organization organization();

	/** Value of the organization's {@code http://dsf.dev/sid/organization-identifier}. */
	String organizationIdentifier();

	Set<FhirServerRole> roles();

	/** Thumbprint of the client certificate the identity was found by. */
	String thumbprint();

	default boolean hasRole(FhirServerRole role)
	{
		return roles().contains(role);
	}

	/** {@code Organization/<id>} of {@link #organization()}. */
	default String organizationReference()
	{
		return "Organization/" + organization().getIdElement().getIdPart();
	}

	/** A name for logs and recordings. */
	String displayName();

	/** Practitioner roles (e.g. {@code http://dsf.dev/fhir/CodeSystem/practitioner-role|DSF_ADMIN}), empty for organizations. */
	default Set<Coding> practitionerRoles()
	{
		return Set.of();
	}
}
