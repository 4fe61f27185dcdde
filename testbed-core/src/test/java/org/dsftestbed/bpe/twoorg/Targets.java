package org.dsftestbed.bpe.twoorg;

import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.constants.NamingSystems.EndpointIdentifier;
import dev.dsf.bpe.v1.variables.Target;
import dev.dsf.bpe.v1.variables.Variables;

/** A target organization with its Endpoint, as the plugin finds it on the local FHIR server (shared by the test plugins). */
public final class Targets
{
	private Targets()
	{
	}

	public static Target of(ProcessPluginApi api, Variables variables, String organizationIdentifier, String correlationKey)
	{
		Organization organization = api.getOrganizationProvider().getOrganization(organizationIdentifier)
				.orElseThrow(() -> new IllegalStateException("organization " + organizationIdentifier + " not found"));
		String endpointId = organization.getEndpointFirstRep().getReferenceElement().getIdPart();
		Endpoint endpoint = api.getFhirWebserviceClientProvider().getLocalWebserviceClient().read(Endpoint.class,
				endpointId);
		String endpointIdentifier = EndpointIdentifier.findFirst(endpoint).orElseThrow().getValue();
		return variables.createTarget(organizationIdentifier, endpointIdentifier, endpoint.getAddress(),
				correlationKey);
	}
}
