package org.dsftestbed.bpe.runtime;

import static org.dsftestbed.bpe.runtime.Searches.params;
import static org.dsftestbed.bpe.runtime.Searches.token;
import static org.dsftestbed.bpe.runtime.Searches.valid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dsf.bpe.v1.constants.NamingSystems;
import dev.dsf.bpe.v1.service.OrganizationProvider;

/**
 * Organizations from the organization's own FHIR server, with the searches DSF 1.9.0's BPE issues (spec §4.3). The
 * local organization is the active Organization behind the active Endpoint whose address is the local base URL.
 */
public final class FhirOrganizationProvider implements OrganizationProvider
{
	private static final Logger logger = LoggerFactory.getLogger(FhirOrganizationProvider.class);

	private final FhirClients clients;

	public FhirOrganizationProvider(FhirClients clients)
	{
		this.clients = Objects.requireNonNull(clients, "clients");
	}

	@Override
	public Optional<Organization> getLocalOrganization()
	{
		Bundle bundle = clients.getLocalWebserviceClient().searchWithStrictHandling(Endpoint.class, params("status",
				"active", "address", clients.localBaseUrl(), "_include", "Endpoint:organization"));
		List<BundleEntryComponent> entries = bundle.getEntry();
		if (entries.size() != 2 || !(entries.get(0).getResource() instanceof Endpoint)
				|| !(entries.get(1).getResource() instanceof Organization organization)
				|| !SearchEntryMode.INCLUDE.equals(entries.get(1).getSearch().getMode()) || !organization.getActive())
		{
			logger.warn("No single active local Organization found through Endpoint with address {}",
					clients.localBaseUrl());
			return Optional.empty();
		}
		return Optional.of(organization);
	}

	@Override
	public Optional<Organization> getOrganization(Identifier organizationIdentifier)
	{
		if (!valid(organizationIdentifier))
			return Optional.empty();
		Bundle bundle = clients.getLocalWebserviceClient().search(Organization.class,
				params("active", "true", "identifier", token(organizationIdentifier)));
		List<Organization> organizations = Searches.entries(bundle, Organization.class, SearchEntryMode.MATCH);
		if (bundle.getTotal() != 1 || organizations.size() != 1)
		{
			logger.warn("{} active Organizations with identifier {}, expected 1", bundle.getTotal(),
					token(organizationIdentifier));
			return Optional.empty();
		}
		return Optional.of(organizations.get(0));
	}

	@Override
	public List<Organization> getOrganizations(Identifier parentOrganizationIdentifier)
	{
		if (!valid(parentOrganizationIdentifier))
			return List.of();
		return members(params("active", "true", "primary-organization:identifier",
				token(parentOrganizationIdentifier), "_include",
				"OrganizationAffiliation:participating-organization"));
	}

	@Override
	public List<Organization> getOrganizations(Identifier parentOrganizationIdentifier,
			Coding memberOrganizationRole)
	{
		if (!valid(parentOrganizationIdentifier) || !valid(memberOrganizationRole))
			return List.of();
		return members(params("active", "true", "primary-organization:identifier",
				token(parentOrganizationIdentifier), "role", token(memberOrganizationRole), "_include",
				"OrganizationAffiliation:participating-organization"));
	}

	private List<Organization> members(Map<String, List<String>> params)
	{
		Map<String, Organization> byId = new LinkedHashMap<>();
		Searches.allPages(clients.getLocalWebserviceClient(), OrganizationAffiliation.class, params).stream()
				.flatMap(b -> Searches.entries(b, Organization.class, SearchEntryMode.INCLUDE).stream())
				.filter(Organization::getActive)
				.forEach(o -> byId.putIfAbsent(o.getIdElement().getIdPart(), o));
		return List.copyOf(byId.values());
	}

	@Override
	public List<Organization> getRemoteOrganizations()
	{
		Optional<String> local = getLocalOrganizationIdentifierValue();
		if (local.isEmpty())
			return List.of();
		return Searches
				.allPages(clients.getLocalWebserviceClient(), Organization.class,
						params("active", "true", "identifier:not",
								NamingSystems.OrganizationIdentifier.SID + "|" + local.get()))
				.stream().flatMap(b -> Searches.entries(b, Organization.class, SearchEntryMode.MATCH).stream())
				.toList();
	}
}
