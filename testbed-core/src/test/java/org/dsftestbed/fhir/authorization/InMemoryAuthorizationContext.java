package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Resource;

/** An {@link AuthorizationContext} over resources held in maps, for rule tests. */
public final class InMemoryAuthorizationContext implements AuthorizationContext
{
	private static final Set<String> COMMON_PARAMETERS = Set.of("_id", "_lastUpdated", "_profile");
	private static final Map<String, Set<String>> SEARCH_PARAMETERS = Map.of("Task",
			Set.of("identifier", "status", "requester", "authored-on", "modified"), "QuestionnaireResponse",
			Set.of("identifier", "status", "authored", "questionnaire", "subject"), "Organization",
			Set.of("identifier", "active", "name", "type", "endpoint"));

	private final String localOrganizationIdentifier;
	private final Map<String, Map<String, Resource>> resources = new LinkedHashMap<>();

	public InMemoryAuthorizationContext(String localOrganizationIdentifier)
	{
		this.localOrganizationIdentifier = localOrganizationIdentifier;
	}

	/** Stores the resource (with a random id unless it has one) and returns it. */
	public <R extends Resource> R add(R resource)
	{
		if (resource.getIdElement().getIdPart() == null)
			resource.setId(UUID.randomUUID().toString());
		resources.computeIfAbsent(resource.fhirType(), t -> new LinkedHashMap<>())
				.put(resource.getIdElement().getIdPart(), resource);
		return resource;
	}

	@Override
	public String localOrganizationIdentifier()
	{
		return localOrganizationIdentifier;
	}

	@Override
	public Optional<Organization> organizationByIdentifier(String identifierValue)
	{
		return resources("Organization").stream().map(Organization.class::cast)
				.filter(o -> DsfIdentifiers.valuesOf(o.getIdentifier(), DsfIdentifiers.ORGANIZATION)
						.contains(identifierValue))
				.findFirst();
	}

	@Override
	public Optional<Resource> resource(String type, String id)
	{
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(id, "id");
		return Optional.ofNullable(resources.getOrDefault(type, Map.of()).get(id));
	}

	@Override
	public List<Resource> resources(String type)
	{
		Objects.requireNonNull(type, "type");
		return List.copyOf(resources.getOrDefault(type, Map.of()).values());
	}

	@Override
	public List<OrganizationAffiliation> activeAffiliationsOf(String organizationId)
	{
		return resources("OrganizationAffiliation").stream().map(OrganizationAffiliation.class::cast)
				.filter(OrganizationAffiliation::getActive)
				.filter(a -> ("Organization/" + organizationId).equals(a.getParticipatingOrganization().getReference()))
				.toList();
	}

	@Override
	public List<ActivityDefinition> activityDefinitionsDraftOrActive(String url, String version)
	{
		return resources("ActivityDefinition").stream().map(ActivityDefinition.class::cast)
				.filter(a -> url.equals(a.getUrl()) && version.equals(a.getVersion()))
				.filter(a -> a.getStatus() == PublicationStatus.DRAFT || a.getStatus() == PublicationStatus.ACTIVE)
				.toList();
	}

	@Override
	public Set<String> searchParameterNames(String resourceType)
	{
		Set<String> specific = SEARCH_PARAMETERS.get(resourceType);
		if (specific == null)
			return Set.of();
		return Stream.concat(specific.stream(), COMMON_PARAMETERS.stream()).collect(Collectors.toSet());
	}
}
