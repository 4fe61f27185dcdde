package org.dsftestbed.fhir.authorization.process;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.dsftestbed.fhir.authorization.lookup.Membership;
import org.dsftestbed.fhir.identity.Identity;
import org.dsftestbed.fhir.identity.OrganizationIdentity;
import org.hl7.fhir.r4.model.Coding;

/**
 * One requester or recipient entry of a process authorization: which identities it admits.
 * <p>
 * Every entry requires the identity's organization to be active and the identity to be local or remote as the code
 * says. Entries with a practitioner role admit only practitioners holding that role; the others only organization
 * identities (a practitioner never matches {@code LOCAL_ALL}).
 */
public sealed interface Party
{
	ProcessAuthorizationCode code();

	/** The practitioner role the identity must hold, {@code null} for organization entries. */
	Coding practitionerRole();

	/**
	 * @param memberships
	 *            the identity organization's memberships, asked for only by role entries
	 */
	default boolean admits(Identity identity, Supplier<List<Membership>> memberships)
	{
		return identity.organization().getActive() && identity.isLocal() == code().local()
				&& admitsKind(identity) && admitsOrganization(identity, memberships);
	}

	private boolean admitsKind(Identity identity)
	{
		if (practitionerRole() == null)
			return identity instanceof OrganizationIdentity;
		return identity.practitionerRoles().stream()
				.anyMatch(r -> Objects.equals(r.getSystem(), practitionerRole().getSystem())
						&& Objects.equals(r.getCode(), practitionerRole().getCode()));
	}

	boolean admitsOrganization(Identity identity, Supplier<List<Membership>> memberships);

	/** LOCAL_ALL, LOCAL_ALL_PRACTITIONER, REMOTE_ALL. */
	record Any(ProcessAuthorizationCode code, Coding practitionerRole) implements Party
	{
		@Override
		public boolean admitsOrganization(Identity identity, Supplier<List<Membership>> memberships)
		{
			return true;
		}
	}

	/** LOCAL_ORGANIZATION, LOCAL_ORGANIZATION_PRACTITIONER, REMOTE_ORGANIZATION. */
	record OfOrganization(ProcessAuthorizationCode code, String organizationIdentifier, Coding practitionerRole)
			implements Party
	{
		@Override
		public boolean admitsOrganization(Identity identity, Supplier<List<Membership>> memberships)
		{
			return DsfIdentifiers.valuesOf(identity.organization().getIdentifier(), DsfIdentifiers.ORGANIZATION)
					.contains(organizationIdentifier);
		}
	}

	/** LOCAL_ROLE, LOCAL_ROLE_PRACTITIONER, REMOTE_ROLE: members of a parent organization with a role. */
	record WithRole(ProcessAuthorizationCode code, String parentOrganizationIdentifier, Coding organizationRole,
			Coding practitionerRole) implements Party
	{
		@Override
		public boolean admitsOrganization(Identity identity, Supplier<List<Membership>> memberships)
		{
			return memberships.get().stream().anyMatch(m -> m.is(parentOrganizationIdentifier,
					organizationRole.getSystem(), organizationRole.getCode()));
		}
	}
}
