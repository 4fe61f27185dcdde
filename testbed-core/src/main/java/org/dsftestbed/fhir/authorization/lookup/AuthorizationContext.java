package org.dsftestbed.fhir.authorization.lookup;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Resource;

/**
 * What authorization rules may look up in the server's current data. Implemented by the server over its store, and
 * in tests over fixtures.
 */
public interface AuthorizationContext
{
	/** Identifier value of the organization that runs this server. */
	String localOrganizationIdentifier();

	/** The current, not deleted Organization with this DSF organization identifier. */
	Optional<Organization> organizationByIdentifier(String identifierValue);

	/** The current, not deleted resource {@code Type/id}. */
	Optional<Resource> resource(String type, String id);

	/** Current, not deleted resources of a type (for uniqueness rules). */
	List<Resource> resources(String type);

	/** Active OrganizationAffiliations whose participating organization is {@code Organization/<organizationId>}. */
	List<OrganizationAffiliation> activeAffiliationsOf(String organizationId);

	/** ActivityDefinitions with this url and version in status draft or active (the Task rule's lookup). */
	List<ActivityDefinition> activityDefinitionsDraftOrActive(String url, String version);

	/**
	 * Names of the search parameters the server supports for {@code resourceType}, without modifiers (e.g.
	 * {@code status}, {@code requester}, and the common {@code _id}, {@code _lastUpdated}, {@code _profile}); empty if the
	 * server does not serve that type. The Subscription rule checks {@code Subscription.criteria} against it, as DSF
	 * does with its search-parameter classes.
	 */
	Set<String> searchParameterNames(String resourceType);
}
