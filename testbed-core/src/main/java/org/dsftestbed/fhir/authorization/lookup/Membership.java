package org.dsftestbed.fhir.authorization.lookup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;

/**
 * One role an organization holds in a parent organization (consortium), taken from an active
 * OrganizationAffiliation. ROLE read-access tags and the *_ROLE process authorizations are evaluated against these.
 *
 * @param parentOrganizationIdentifier
 *            DSF identifier of the parent, {@code null} if the affiliation's parent does not resolve
 * @param parentActive
 *            ROLE read access needs an active parent, process authorization does not (as in DSF 1.9.0)
 */
public record Membership(String parentOrganizationIdentifier, boolean parentActive, Coding role)
{
	/**
	 * The memberships of {@code member}: one per role coding of each active affiliation in which it participates. The
	 * parent is found through the affiliation's literal {@code organization} reference, because DSF stores and joins
	 * affiliations by literal reference.
	 */
	public static List<Membership> allOf(Organization member, AuthorizationContext context)
	{
		if (member == null || !member.hasIdElement() || member.getIdElement().getIdPart() == null)
			return List.of();

		return context.activeAffiliationsOf(member.getIdElement().getIdPart()).stream()
				.flatMap(affiliation -> membershipsIn(affiliation, context).stream()).toList();
	}

	private static List<Membership> membershipsIn(OrganizationAffiliation affiliation, AuthorizationContext context)
	{
		Optional<Organization> parent = ReferenceTargets.resolveLiteral(affiliation.getOrganization(), context)
				.filter(Organization.class::isInstance).map(Organization.class::cast);
		String parentIdentifier = parent
				.flatMap(p -> DsfIdentifiers.valueOf(p.getIdentifier(), DsfIdentifiers.ORGANIZATION)).orElse(null);
		boolean parentActive = parent.map(Organization::getActive).orElse(false);

		return affiliation.getCode().stream().map(CodeableConcept::getCoding).flatMap(List::stream)
				.filter(Coding::hasSystem).filter(Coding::hasCode)
				.map(role -> new Membership(parentIdentifier, parentActive, role)).toList();
	}

	public boolean is(String parentIdentifier, String roleSystem, String roleCode)
	{
		return parentOrganizationIdentifier != null && parentOrganizationIdentifier.equals(parentIdentifier)
				&& Objects.equals(role.getSystem(), roleSystem) && Objects.equals(role.getCode(), roleCode);
	}
}
