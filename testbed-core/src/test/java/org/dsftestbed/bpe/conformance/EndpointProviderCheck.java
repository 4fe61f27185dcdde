package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.ConformanceNetwork.EXTERNAL;
import static org.dsftestbed.bpe.conformance.ConformanceNetwork.EXTERNAL_ENDPOINT;
import static org.dsftestbed.bpe.conformance.ConformanceNetwork.LOCAL;
import static org.dsftestbed.bpe.conformance.ConformanceNetwork.LOCAL_ENDPOINT;
import static org.dsftestbed.bpe.conformance.ConformanceNetwork.PARENT;
import static org.dsftestbed.bpe.conformance.Expect.empty;
import static org.dsftestbed.bpe.conformance.Expect.equal;
import static org.dsftestbed.bpe.conformance.Expect.isTrue;
import static org.dsftestbed.bpe.conformance.Expect.present;
import static org.dsftestbed.bpe.conformance.OrganizationProviderCheck.COS;
import static org.dsftestbed.bpe.conformance.OrganizationProviderCheck.DIC;
import static org.dsftestbed.bpe.conformance.OrganizationProviderCheck.DTS;
import static org.dsftestbed.bpe.conformance.OrganizationProviderCheck.NOT_A_ROLE;
import static org.dsftestbed.bpe.conformance.OrganizationProviderCheck.NOT_EXISTING;
import static org.dsftestbed.bpe.conformance.OrganizationProviderCheck.TTP;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.constants.NamingSystems.EndpointIdentifier;
import dev.dsf.bpe.v1.constants.NamingSystems.OrganizationIdentifier;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * The Endpoints of the allow list as the {@code EndpointProvider} finds them (spec §4.3, §5.10). The local address is
 * the BPE's FHIR base URL; the external one comes from the BPE environment.
 */
public class EndpointProviderCheck extends ConformanceActivity
{
	private static final String LOCAL_ADDRESS_PATTERN = "https://localhost:[0-9]+/fhir";

	private final String externalAddress;

	public EndpointProviderCheck(ProcessPluginApi api, String externalAddress)
	{
		super(api);
		this.externalAddress = externalAddress;
	}

	private static String identifierValue(Endpoint endpoint)
	{
		List<Identifier> identifiers = endpoint.getIdentifier();
		equal(1, identifiers.size());
		equal(EndpointIdentifier.SID, identifiers.get(0).getSystem());
		return identifiers.get(0).getValue();
	}

	private void isLocal(Optional<Endpoint> endpoint)
	{
		Endpoint e = present(endpoint, "the local Endpoint");
		equal(LOCAL_ENDPOINT, identifierValue(e));
		equal(api.getEndpointProvider().getLocalEndpointAddress(), e.getAddress());
	}

	private void isExternal(Optional<Endpoint> endpoint)
	{
		Endpoint e = present(endpoint, "the external Endpoint");
		equal(EXTERNAL_ENDPOINT, identifierValue(e));
		equal(externalAddress, e.getAddress());
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		var provider = api.getEndpointProvider();
		Identifier parent = OrganizationIdentifier.withValue(PARENT);
		Identifier local = OrganizationIdentifier.withValue(LOCAL);
		Identifier external = OrganizationIdentifier.withValue(EXTERNAL);

		checks.add("getLocalEndpointAddress", () -> isTrue(
				provider.getLocalEndpointAddress().matches(LOCAL_ADDRESS_PATTERN),
				"local address like " + LOCAL_ADDRESS_PATTERN + ", was " + provider.getLocalEndpointAddress()))
				.add("getLocalEndpoint", () -> isLocal(provider.getLocalEndpoint()))
				.add("getLocalEndpointIdentifier", () ->
				{
					Identifier identifier = present(provider.getLocalEndpointIdentifier(), "local endpoint identifier");
					equal(EndpointIdentifier.SID, identifier.getSystem());
					equal(LOCAL_ENDPOINT, identifier.getValue());
				})
				.add("getLocalEndpointIdentifierValue",
						() -> equal(Optional.of(LOCAL_ENDPOINT), provider.getLocalEndpointIdentifierValue()))
				.add("getEndpointByIdentifier", () ->
				{
					isLocal(provider.getEndpoint(EndpointIdentifier.withValue(LOCAL_ENDPOINT)));
					isExternal(provider.getEndpoint(EndpointIdentifier.withValue(EXTERNAL_ENDPOINT)));
					isLocal(provider.getEndpoint(LOCAL_ENDPOINT));
					isExternal(provider.getEndpoint(EXTERNAL_ENDPOINT));
				})
				.add("getEndpointAddressByIdentifier", () ->
				{
					equal(Optional.of(externalAddress),
							provider.getEndpointAddress(EndpointIdentifier.withValue(EXTERNAL_ENDPOINT)));
					equal(Optional.of(provider.getLocalEndpointAddress()), provider.getEndpointAddress(LOCAL_ENDPOINT));
				})
				.add("getEndpointByIdentifierNullOrNotExisting", () ->
				{
					empty(provider.getEndpoint((Identifier) null));
					empty(provider.getEndpoint((String) null));
					empty(provider.getEndpoint(NOT_EXISTING));
					empty(provider.getEndpointAddress((Identifier) null));
					empty(provider.getEndpointAddress((String) null));
					empty(provider.getEndpointAddress(NOT_EXISTING));
				})
				.add("getEndpointByParentMemberAndRole", () ->
				{
					isLocal(provider.getEndpoint(parent, local, DIC));
					isLocal(provider.getEndpoint(PARENT, LOCAL, COS));
					isExternal(provider.getEndpoint(parent, external, TTP));
					isExternal(provider.getEndpoint(PARENT, EXTERNAL, DTS));
					equal(Optional.of(externalAddress), provider.getEndpointAddress(parent, external, TTP));
					equal(Optional.of(externalAddress), provider.getEndpointAddress(PARENT, EXTERNAL, DTS));
				})
				.add("getEndpointByParentMemberAndRoleNullOrNotExisting", () ->
				{
					empty(provider.getEndpoint(null, local, DIC));
					empty(provider.getEndpoint(parent, null, DIC));
					empty(provider.getEndpoint(parent, local, null));
					empty(provider.getEndpoint((String) null, null, null));
					empty(provider.getEndpoint(NOT_EXISTING, LOCAL, DIC));
					empty(provider.getEndpoint(PARENT, NOT_EXISTING, DIC));
					empty(provider.getEndpoint(parent, local, NOT_A_ROLE));
					empty(provider.getEndpoint(parent, local, TTP));
					empty(provider.getEndpointAddress(parent, external, DIC));
				})
				.add("getEndpointsByParentAndRole", () ->
				{
					List<Endpoint> dic = provider.getEndpoints(parent, DIC);
					equal(1, dic.size());
					isLocal(Optional.of(dic.get(0)));
					List<Endpoint> ttp = provider.getEndpoints(PARENT, TTP);
					equal(1, ttp.size());
					isExternal(Optional.of(ttp.get(0)));
				})
				.add("getEndpointsNullOrNotExisting", () ->
				{
					empty(provider.getEndpoints((Identifier) null, DIC));
					empty(provider.getEndpoints(parent, (Coding) null));
					empty(provider.getEndpoints(NOT_EXISTING, DIC));
					empty(provider.getEndpoints(PARENT, NOT_A_ROLE));
				});
	}
}
