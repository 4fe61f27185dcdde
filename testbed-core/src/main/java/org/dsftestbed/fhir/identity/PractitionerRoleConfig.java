package org.dsftestbed.fhir.identity;

import java.util.Set;

import org.hl7.fhir.r4.model.Coding;

/**
 * One entry of the server's role configuration ({@code DEV_DSF_FHIR_SERVER_ROLECONFIG}): a certificate thumbprint
 * that identifies a practitioner of the local organization, with server roles and practitioner roles.
 *
 * <pre>{@code new PractitionerRoleConfig("browser", thumbprint, FhirServerRole.LOCAL_ORGANIZATION,
 * 		Set.of(new Coding("http://dsf.dev/fhir/CodeSystem/practitioner-role", "DSF_ADMIN", null)))}</pre>
 */
public record PractitionerRoleConfig(String name, String thumbprint, Set<FhirServerRole> roles,
		Set<Coding> practitionerRoles)
{
	public static final String PRACTITIONER_ROLE_SYSTEM = "http://dsf.dev/fhir/CodeSystem/practitioner-role";
}
