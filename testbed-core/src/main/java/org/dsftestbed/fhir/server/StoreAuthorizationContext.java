package org.dsftestbed.fhir.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import org.dsftestbed.fhir.identity.IdentityResolver;
import org.dsftestbed.fhir.search.SearchableResourceTypes;
import org.dsftestbed.fhir.search.parameter.basic.SearchParameter;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Resource;

/** The lookups of the authorization rules, answered from a server's store. */
final class StoreAuthorizationContext implements AuthorizationContext
{
	private final ResourceStore store;
	private final String localOrganizationIdentifier;

	StoreAuthorizationContext(ResourceStore store, String localOrganizationIdentifier)
	{
		this.store = store;
		this.localOrganizationIdentifier = localOrganizationIdentifier;
	}

	@Override
	public String localOrganizationIdentifier()
	{
		return localOrganizationIdentifier;
	}

	@Override
	public Optional<Organization> organizationByIdentifier(String identifierValue)
	{
		Map<String, Organization> byIdentifier = store.derived("Organization", "by-identifier", organizations ->
		{
			Map<String, Organization> index = new HashMap<>();
			for (Resource organization : organizations)
				IdentityResolver.identifierValue((Organization) organization)
						.ifPresent(value -> index.putIfAbsent(value, (Organization) organization));
			return Map.copyOf(index);
		});
		return Optional.ofNullable(byIdentifier.get(identifierValue)).map(Organization::copy);
	}

	@Override
	public Optional<Resource> resource(String type, String id)
	{
		return store.read(type, id) instanceof ResourceStore.Found found ? Optional.of(found.resource())
				: Optional.empty();
	}

	@Override
	public List<Resource> resources(String type)
	{
		return store.current(type, r -> true);
	}

	@Override
	public List<OrganizationAffiliation> activeAffiliationsOf(String organizationId)
	{
		String reference = "Organization/" + organizationId;
		return store.current("OrganizationAffiliation", r ->
		{
			OrganizationAffiliation affiliation = (OrganizationAffiliation) r;
			return affiliation.getActive() && reference.equals(affiliation.getParticipatingOrganization().getReference());
		}).stream().map(OrganizationAffiliation.class::cast).toList();
	}

	@Override
	public Set<String> searchParameterNames(String resourceType)
	{
		return SearchableResourceTypes.get(resourceType).map(
				type -> type.parameters().stream().map(SearchParameter::name).collect(Collectors.toUnmodifiableSet()))
				.orElse(Set.of());
	}

	@Override
	public List<ActivityDefinition> activityDefinitionsDraftOrActive(String url, String version)
	{
		return store.current("ActivityDefinition", r ->
		{
			ActivityDefinition definition = (ActivityDefinition) r;
			return url.equals(definition.getUrl()) && version.equals(definition.getVersion())
					&& (definition.getStatus() == PublicationStatus.DRAFT
							|| definition.getStatus() == PublicationStatus.ACTIVE);
		}).stream().map(ActivityDefinition.class::cast).toList();
	}
}
