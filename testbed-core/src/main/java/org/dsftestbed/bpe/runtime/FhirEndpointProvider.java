package org.dsftestbed.bpe.runtime;

import static org.dsftestbed.bpe.runtime.Searches.params;
import static org.dsftestbed.bpe.runtime.Searches.token;
import static org.dsftestbed.bpe.runtime.Searches.valid;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Endpoint.EndpointStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dsf.bpe.v1.service.EndpointProvider;

/**
 * Endpoints from the organization's own FHIR server, with the searches DSF 1.9.0's BPE issues (spec §4.3). Null input
 * gives an empty result; ambiguous results are logged and give an empty result.
 */
public final class FhirEndpointProvider implements EndpointProvider
{
	private static final Logger logger = LoggerFactory.getLogger(FhirEndpointProvider.class);

	private final FhirClients clients;

	public FhirEndpointProvider(FhirClients clients)
	{
		this.clients = Objects.requireNonNull(clients, "clients");
	}

	@Override
	public String getLocalEndpointAddress()
	{
		return clients.localBaseUrl();
	}

	@Override
	public Optional<Endpoint> getLocalEndpoint()
	{
		Bundle bundle = clients.getLocalWebserviceClient().searchWithStrictHandling(Endpoint.class,
				params("status", "active", "address", clients.localBaseUrl()));
		List<Endpoint> endpoints = Searches.entries(bundle, Endpoint.class, SearchEntryMode.MATCH);
		if (endpoints.size() != 1)
		{
			logger.warn("{} active Endpoints with address {}, expected 1", endpoints.size(), clients.localBaseUrl());
			return Optional.empty();
		}
		return Optional.of(endpoints.get(0));
	}

	@Override
	public Optional<Endpoint> getEndpoint(Identifier endpointIdentifier)
	{
		if (!valid(endpointIdentifier))
			return Optional.empty();
		Bundle bundle = clients.getLocalWebserviceClient().search(Endpoint.class,
				params("status", "active", "identifier", token(endpointIdentifier)));
		List<Endpoint> endpoints = Searches.entries(bundle, Endpoint.class, SearchEntryMode.MATCH);
		if (bundle.getTotal() != 1 || endpoints.size() != 1)
		{
			logger.warn("{} active Endpoints with identifier {}, expected 1", bundle.getTotal(),
					token(endpointIdentifier));
			return Optional.empty();
		}
		return Optional.of(endpoints.get(0));
	}

	@Override
	public Optional<Endpoint> getEndpoint(Identifier parentOrganizationIdentifier,
			Identifier memberOrganizationIdentifier, Coding memberOrganizationRole)
	{
		if (!valid(parentOrganizationIdentifier) || !valid(memberOrganizationIdentifier)
				|| !valid(memberOrganizationRole))
			return Optional.empty();

		Bundle bundle = clients.getLocalWebserviceClient().search(OrganizationAffiliation.class,
				params("active", "true", "primary-organization:identifier", token(parentOrganizationIdentifier),
						"participating-organization:identifier", token(memberOrganizationIdentifier), "role",
						token(memberOrganizationRole), "_include", "OrganizationAffiliation:endpoint"));
		List<Endpoint> endpoints = Searches.entries(bundle, Endpoint.class, SearchEntryMode.INCLUDE).stream()
				.filter(e -> EndpointStatus.ACTIVE.equals(e.getStatus())).toList();
		if (bundle.getTotal() != 1 || endpoints.size() != 1)
		{
			logger.warn("{} affiliations with {} active endpoints for parent {}, member {}, role {}; expected 1 each",
					bundle.getTotal(), endpoints.size(), token(parentOrganizationIdentifier),
					token(memberOrganizationIdentifier), token(memberOrganizationRole));
			return Optional.empty();
		}
		return Optional.of(endpoints.get(0));
	}

	@Override
	public List<Endpoint> getEndpoints(Identifier parentOrganizationIdentifier, Coding memberOrganizationRole)
	{
		if (!valid(parentOrganizationIdentifier) || !valid(memberOrganizationRole))
			return List.of();

		return Searches
				.allPages(clients.getLocalWebserviceClient(), OrganizationAffiliation.class,
						params("active", "true", "primary-organization:identifier",
								token(parentOrganizationIdentifier), "role", token(memberOrganizationRole),
								"_include", "OrganizationAffiliation:endpoint"))
				.stream().flatMap(b -> Searches.entries(b, Endpoint.class, SearchEntryMode.INCLUDE).stream())
				.filter(e -> EndpointStatus.ACTIVE.equals(e.getStatus())).toList();
	}
}
