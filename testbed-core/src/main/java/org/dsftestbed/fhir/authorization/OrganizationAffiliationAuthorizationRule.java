package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.dsftestbed.fhir.authorization.lookup.ReferenceTargets;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Reference;

/**
 * OrganizationAffiliation (membership of an organization in a parent with roles): parent, member and exactly one
 * endpoint as references with a {@code reference} (ROLE read access and role authorizations join on them), codes with
 * codings. No second affiliation of the same parent and member with the same endpoint or the same role; parent, member
 * and endpoint unchanged on update.
 */
public final class OrganizationAffiliationAuthorizationRule extends MetaTagAuthorizationRule<OrganizationAffiliation>
{
	public OrganizationAffiliationAuthorizationRule()
	{
		super(OrganizationAffiliation.class);
	}

	@Override
	protected List<String> contentProblems(OrganizationAffiliation resource, AuthorizationContext context)
	{
		List<String> problems = new ArrayList<>();
		referenceProblem("OrganizationAffiliation.organization", resource.hasOrganization(),
				resource.getOrganization()).ifPresent(problems::add);
		referenceProblem("OrganizationAffiliation.participatingOrganization", resource.hasParticipatingOrganization(),
				resource.getParticipatingOrganization()).ifPresent(problems::add);

		if (resource.getEndpoint().size() != 1)
			problems.add("OrganizationAffiliation.endpoint: exactly one expected, found " + resource.getEndpoint().size());
		else
			referenceProblem("OrganizationAffiliation.endpoint", true, resource.getEndpointFirstRep())
					.ifPresent(problems::add);

		if (!resource.hasCode())
			problems.add("OrganizationAffiliation.code missing");
		for (int i = 0; i < resource.getCode().size(); i++)
			if (!resource.getCode().get(i).hasCoding())
				problems.add("OrganizationAffiliation.code[" + i + "].coding missing");

		return problems;
	}

	private static Optional<String> referenceProblem(String path, boolean present, Reference reference)
	{
		if (!present)
			return Optional.of(path + " missing");
		if (!reference.hasReference())
			return Optional.of(path + ".reference missing");
		return Optional.empty();
	}

	@Override
	protected Optional<String> duplicateOf(OrganizationAffiliation newResource, AuthorizationContext context)
	{
		List<OrganizationAffiliation> sameParentAndMember = stored(context).stream()
				.filter(sameParentAndMember(newResource)).toList();

		if (sameParentAndMember.stream()
				.anyMatch(a -> sameTarget(endpointOf(a), endpointOf(newResource))))
			return Optional.of("an OrganizationAffiliation of " + describe(newResource) + " with endpoint "
					+ endpointOf(newResource).getReference() + " already exists");

		return rolesOf(newResource).stream()
				.filter(role -> sameParentAndMember.stream().anyMatch(a -> hasRole(a, role))).findFirst()
				.map(role -> "an OrganizationAffiliation of " + describe(newResource) + " with role " + role.getSystem()
						+ "|" + role.getCode() + " already exists");
	}

	@Override
	protected Optional<String> forbiddenModification(OrganizationAffiliation oldResource,
			OrganizationAffiliation newResource, AuthorizationContext context)
	{
		if (!sameReference(oldResource.getOrganization(), newResource.getOrganization())
				|| !sameReference(oldResource.getParticipatingOrganization(), newResource.getParticipatingOrganization())
				|| !sameReference(endpointOf(oldResource), endpointOf(newResource)))
			return Optional.of("OrganizationAffiliation organization, participatingOrganization and endpoint must not "
					+ "change");

		// a role of this parent and member may be served by one endpoint only
		List<OrganizationAffiliation> otherEndpoints = stored(context).stream().filter(sameParentAndMember(newResource))
				.filter(a -> !sameTarget(endpointOf(a), endpointOf(newResource))).toList();
		return rolesOf(newResource).stream().filter(role -> otherEndpoints.stream().anyMatch(a -> hasRole(a, role)))
				.findFirst().map(role -> "another OrganizationAffiliation of " + describe(newResource) + " has role "
						+ role.getSystem() + "|" + role.getCode() + " with a different endpoint");
	}

	private static Predicate<OrganizationAffiliation> sameParentAndMember(OrganizationAffiliation resource)
	{
		return a -> sameTarget(a.getOrganization(), resource.getOrganization())
				&& sameTarget(a.getParticipatingOrganization(), resource.getParticipatingOrganization());
	}

	// stored affiliations are read without HAPI's auto-creating getters
	private static Reference endpointOf(OrganizationAffiliation affiliation)
	{
		return affiliation.getEndpoint().isEmpty() ? new Reference() : affiliation.getEndpoint().get(0);
	}

	private static boolean sameReference(Reference a, Reference b)
	{
		return Objects.equals(a.getReference(), b.getReference());
	}

	// the search DSF uses matches Type/id, ignoring a version suffix
	private static boolean sameTarget(Reference a, Reference b)
	{
		return Objects.equals(ReferenceTargets.literalTypeAndIdOf(a).orElse(a.getReference()),
				ReferenceTargets.literalTypeAndIdOf(b).orElse(b.getReference()));
	}

	private static List<Coding> rolesOf(OrganizationAffiliation affiliation)
	{
		return affiliation.getCode().stream().map(CodeableConcept::getCoding).flatMap(List::stream).toList();
	}

	private static boolean hasRole(OrganizationAffiliation affiliation, Coding role)
	{
		return rolesOf(affiliation).stream().anyMatch(
				r -> Objects.equals(r.getSystem(), role.getSystem()) && Objects.equals(r.getCode(), role.getCode()));
	}

	private static String describe(OrganizationAffiliation affiliation)
	{
		return "parent " + affiliation.getOrganization().getReference() + " and member "
				+ affiliation.getParticipatingOrganization().getReference();
	}
}
