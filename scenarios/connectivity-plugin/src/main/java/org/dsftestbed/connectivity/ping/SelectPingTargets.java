package org.dsftestbed.connectivity.ping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.dsftestbed.connectivity.fhir.Connectivity;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Endpoint.EndpointStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.constants.NamingSystems.EndpointIdentifier;
import dev.dsf.bpe.v1.constants.NamingSystems.OrganizationIdentifier;
import dev.dsf.bpe.v1.variables.Target;
import dev.dsf.bpe.v1.variables.Variables;
import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * Every active Endpoint on the local allow list except the local one (or those the start Task's
 * {@code target-endpoints} search finds) becomes a target, with a correlation key of its own for its pong.
 */
public class SelectPingTargets extends AbstractServiceDelegate
{
	public SelectPingTargets(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		Task start = variables.getStartTask();
		EndpointQuery query = api.getTaskHelper()
				.getFirstInputParameterStringValue(start, Connectivity.CODE_SYSTEM, Connectivity.TARGET_ENDPOINTS)
				.map(EndpointQuery::parse).orElseGet(EndpointQuery::all);
		String localEndpoint = api.getEndpointProvider().getLocalEndpointIdentifierValue()
				.orElseThrow(() -> new IllegalStateException("local Endpoint has no endpoint identifier"));

		List<Target> targets = new ArrayList<>();
		for (EndpointWithOrganization e : search(query))
			if (!localEndpoint.equals(e.endpointIdentifier()))
				targets.add(variables.createTarget(e.organizationIdentifier(), e.endpointIdentifier(), e.address(),
						UUID.randomUUID().toString()));
		variables.setTargets(variables.createTargets(targets));
	}

	private record EndpointWithOrganization(String endpointIdentifier, String address, String organizationIdentifier)
	{
	}

	private List<EndpointWithOrganization> search(EndpointQuery query)
	{
		FhirWebserviceClient client = api.getFhirWebserviceClientProvider().getLocalWebserviceClient();
		List<Endpoint> endpoints = new ArrayList<>();
		Map<String, String> organizationIdentifiers = new HashMap<>();
		for (int page = 1;; page++)
		{
			Bundle bundle = client.searchWithStrictHandling(Endpoint.class, query.page(page));
			for (BundleEntryComponent entry : bundle.getEntry())
			{
				if (entry.getResource() instanceof Endpoint endpoint && endpoint.getStatus() == EndpointStatus.ACTIVE)
					endpoints.add(endpoint);
				else if (entry.getResource() instanceof Organization organization)
					OrganizationIdentifier.findFirst(organization).map(Identifier::getValue).ifPresent(
							value -> organizationIdentifiers.put(organization.getIdElement().getIdPart(), value));
			}
			if (bundle.getLink(Bundle.LINK_NEXT) == null)
				break;
		}

		List<EndpointWithOrganization> found = new ArrayList<>();
		for (Endpoint endpoint : endpoints)
		{
			Optional<String> identifier = EndpointIdentifier.findFirst(endpoint).map(Identifier::getValue);
			Optional<String> organization = organizationOf(endpoint.getManagingOrganization(), organizationIdentifiers);
			if (identifier.isPresent() && organization.isPresent())
				found.add(new EndpointWithOrganization(identifier.get(), endpoint.getAddress(), organization.get()));
		}
		return found;
	}

	/** By the included Organization (literal reference), or by the reference's identifier (logical reference). */
	private static Optional<String> organizationOf(Reference managingOrganization,
			Map<String, String> organizationIdentifiers)
	{
		if (managingOrganization.hasReference())
			return Optional.ofNullable(
					organizationIdentifiers.get(managingOrganization.getReferenceElement().getIdPart()));
		if (managingOrganization.hasIdentifier()
				&& OrganizationIdentifier.SID.equals(managingOrganization.getIdentifier().getSystem()))
			return Optional.ofNullable(managingOrganization.getIdentifier().getValue());
		return Optional.empty();
	}
}
