package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.Expect.equal;
import static org.dsftestbed.bpe.conformance.Expect.same;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.constants.NamingSystems.OrganizationIdentifier;
import dev.dsf.bpe.v1.variables.Variables;
import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * {@code FhirWebserviceClientProvider}: the local client reads from the organization's server, a remote client
 * (the external organization's Endpoint address) from the external server, both with the organization's certificate.
 */
public class FhirClientCheck extends ConformanceActivity
{
	private final String externalAddress;

	public FhirClientCheck(ProcessPluginApi api, String externalAddress)
	{
		super(api);
		this.externalAddress = externalAddress;
	}

	private static String organizationFound(FhirWebserviceClient client, String identifier)
	{
		Bundle bundle = client.search(Organization.class,
				Map.of("identifier", List.of(OrganizationIdentifier.SID + "|" + identifier)));
		equal(1, bundle.getTotal());
		return OrganizationProviderCheck.identifierValue((Organization) bundle.getEntryFirstRep().getResource());
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		var provider = api.getFhirWebserviceClientProvider();
		String localAddress = api.getEndpointProvider().getLocalEndpointAddress();

		// DSF's client adds the trailing slash to its base URL
		checks.add("localClientBaseUrl",
				() -> equal(localAddress + "/", provider.getLocalWebserviceClient().getBaseUrl()))
				.add("localClientReadsStartTask", () ->
				{
					String id = variables.getStartTask().getIdElement().getIdPart();
					Task read = provider.getLocalWebserviceClient().read(Task.class, id);
					equal(id, read.getIdElement().getIdPart());
				})
				.add("localClientSearches", () -> equal(ConformanceNetwork.EXTERNAL,
						organizationFound(provider.getLocalWebserviceClient(), ConformanceNetwork.EXTERNAL)))
				.add("clientForLocalAddressIsTheLocalClient", () -> same(provider.getLocalWebserviceClient(),
						provider.getWebserviceClient(localAddress), "client for the local address"))
				.add("remoteClientBaseUrl",
						() -> equal(externalAddress + "/", provider.getWebserviceClient(externalAddress).getBaseUrl()))
				.add("remoteClientCachedPerUrl", () -> same(provider.getWebserviceClient(externalAddress),
						provider.getWebserviceClient(externalAddress), "second client for the external address"))
				.add("remoteClientSearchesTheExternalServer", () -> equal(ConformanceNetwork.LOCAL,
						organizationFound(provider.getWebserviceClient(externalAddress), ConformanceNetwork.LOCAL)))
				.add("remoteClientReadsExternalCapabilities", () -> equal("active",
						provider.getWebserviceClient(externalAddress).getConformance().getStatus().toCode()));
	}
}
