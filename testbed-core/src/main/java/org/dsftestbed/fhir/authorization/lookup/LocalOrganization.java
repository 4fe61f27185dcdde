package org.dsftestbed.fhir.authorization.lookup;

import java.util.Optional;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import org.dsftestbed.fhir.identity.OrganizationIdentity;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;

/** The organization running this server, as the rules need it. */
public final class LocalOrganization
{
	private LocalOrganization()
	{
	}

	public static Optional<Organization> find(AuthorizationContext context)
	{
		return context.organizationByIdentifier(context.localOrganizationIdentifier());
	}

	/**
	 * The local organization as an identity: DSF checks a Task's <i>recipient</i> authorization as if the local
	 * organization itself were calling.
	 */
	public static Optional<OrganizationIdentity> asIdentity(AuthorizationContext context)
	{
		return find(context).map(org -> new OrganizationIdentity(true, org, context.localOrganizationIdentifier(), null));
	}

	/** Whether {@code resource} is the stored local Organization (compared by id, as DSF does). */
	public static boolean is(Resource resource, AuthorizationContext context)
	{
		return resource instanceof Organization organization && find(context)
				.map(local -> local.getIdElement().getIdPart().equals(organization.getIdElement().getIdPart()))
				.orElse(false);
	}
}
