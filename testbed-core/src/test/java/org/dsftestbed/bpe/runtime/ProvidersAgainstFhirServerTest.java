package org.dsftestbed.bpe.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.fhir.server.FhirServer;
import org.dsftestbed.fhir.server.FhirServerConfig;
import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.pki.KeyStores;
import org.dsftestbed.pki.KeyType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dsf.bpe.v1.constants.NamingSystems;

/**
 * The API's providers of dic.dsf.test, driving DSF's own client against the testbed's FHIR server loaded with the
 * tutorial network's allow list (Endpoint addresses https://&lt;org&gt;/fhir style, the client connecting to the
 * server's local port).
 */
class ProvidersAgainstFhirServerTest
{
	private static final String DIC = "dic.dsf.test";
	private static final String PARENT = "medizininformatik-initiative.de";
	private static final String ROLE_SYSTEM = "http://dsf.dev/fhir/CodeSystem/organization-role";

	private static NetworkDefinition network;
	private static FhirServer server;
	private static PluginApi api;

	@BeforeAll
	static void start() throws Exception
	{
		network = NetworkPresets.load("tutorial");
		NetworkCertificates certificates = NetworkCertificates.generate(network, KeyType.RSA_2048, Clock.systemUTC());
		var dic = certificates.organization(DIC);
		server = FhirServer.start(FhirServerConfig.of(DIC, dic.server(), dic.client(), certificates.pki().caCertificates())
				.withInitialBundle(
						AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints).build()));

		char[] password = "password".toCharArray();
		String localAddress = network.organization(DIC).defaultFhirBaseUrl();
		FhirConnection connection = new FhirConnection(localAddress, KeyStores.keyStore(dic.client(), "client", password),
				password, KeyStores.trustStore(certificates.pki().caCertificates(), KeyStores.Format.PKCS12),
				url -> url.equals(localAddress) ? server.baseUrl() : url);
		api = new PluginApi(connection, FhirContexts.r4());
	}

	@AfterAll
	static void stop()
	{
		if (server != null)
			server.close();
	}

	private static Optional<String> identifier(Organization organization)
	{
		return NamingSystems.OrganizationIdentifier.findFirst(organization).map(i -> i.getValue());
	}

	@Test
	void localOrganizationAndEndpoint()
	{
		assertThat(api.getOrganizationProvider().getLocalOrganization()).isPresent();
		assertThat(api.getOrganizationProvider().getLocalOrganizationIdentifierValue()).contains(DIC);

		assertThat(api.getEndpointProvider().getLocalEndpointAddress())
				.isEqualTo(network.organization(DIC).defaultFhirBaseUrl());
		Optional<Endpoint> local = api.getEndpointProvider().getLocalEndpoint();
		assertThat(local).isPresent();
		assertThat(api.getEndpointProvider().getLocalEndpointIdentifierValue())
				.contains(network.organization(DIC).endpointIdentifier());
	}

	@Test
	void organizationsByIdentifierParentAndRole()
	{
		assertThat(api.getOrganizationProvider().getOrganization("hrp.dsf.test").flatMap(o -> identifier(o)))
				.contains("hrp.dsf.test");
		assertThat(api.getOrganizationProvider().getOrganization("unknown.dsf.test")).isEmpty();
		assertThat(api.getOrganizationProvider().getOrganization((String) null)).isEmpty();

		assertThat(api.getOrganizationProvider().getOrganizations(PARENT).stream().map(o -> identifier(o).get()))
				.containsExactlyInAnyOrder("dic.dsf.test", "cos.dsf.test", "hrp.dsf.test");
		assertThat(api.getOrganizationProvider().getOrganizations(PARENT, new Coding(ROLE_SYSTEM, "COS", null))
				.stream().map(o -> identifier(o).get())).containsExactly("cos.dsf.test");

		List<Organization> remotes = api.getOrganizationProvider().getRemoteOrganizations();
		assertThat(remotes.stream().map(o -> identifier(o).orElse("?")))
				.contains("cos.dsf.test", "hrp.dsf.test").doesNotContain(DIC);
	}

	@Test
	void endpointsByIdentifierAndRole()
	{
		String hrpEndpoint = network.organization("hrp.dsf.test").endpointIdentifier();
		assertThat(api.getEndpointProvider().getEndpointAddress(hrpEndpoint))
				.contains(network.organization("hrp.dsf.test").defaultFhirBaseUrl());
		assertThat(api.getEndpointProvider().getEndpoint("no-such-endpoint")).isEmpty();

		assertThat(api.getEndpointProvider().getEndpointAddress(PARENT, "hrp.dsf.test",
				new Coding(ROLE_SYSTEM, "HRP", null))).contains(network.organization("hrp.dsf.test").defaultFhirBaseUrl());
		assertThat(api.getEndpointProvider().getEndpoint(PARENT, "hrp.dsf.test", new Coding(ROLE_SYSTEM, "DIC", null)))
				.isEmpty();

		assertThat(api.getEndpointProvider().getEndpoints(PARENT, new Coding(ROLE_SYSTEM, "DIC", null)).stream()
				.map(Endpoint::getAddress)).containsExactly(network.organization(DIC).defaultFhirBaseUrl());
	}

	@Test
	void taskHelperMatchesInputsByCodingAndType()
	{
		Task task = new Task();
		task.setIdElement(new org.hl7.fhir.r4.model.IdType("Task", "abc", "3"));
		task.addInput(api.getTaskHelper().createInput(new StringType("ping"), "http://dsf.dev/fhir/CodeSystem/bpmn-message",
				"message-name"));
		assertThat(api.getTaskHelper().getFirstInputParameterStringValue(task,
				"http://dsf.dev/fhir/CodeSystem/bpmn-message", "message-name")).contains("ping");
		assertThat(api.getTaskHelper().getFirstInputParameterStringValue(task,
				"http://dsf.dev/fhir/CodeSystem/bpmn-message", "business-key")).isEmpty();
		assertThat(api.getTaskHelper().getLocalVersionlessAbsoluteUrl(task))
				.isEqualTo(network.organization(DIC).defaultFhirBaseUrl() + "/Task/abc");
	}
}
