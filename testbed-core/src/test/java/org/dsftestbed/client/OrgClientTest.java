package org.dsftestbed.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.dsftestbed.runtime.embedded.EmbeddedNetwork;
import org.dsftestbed.runtime.embedded.TestNetworks;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starting processes with OrgClient: from a draft Task template, and the answers for processes a server lacks. */
class OrgClientTest
{
	private static final String PING = "http://dsf.dev/bpe/Process/ping|1.0";
	private static final String EXAMPLE_SYSTEM = "http://example.org/fhir/CodeSystem/client-test";

	private static EmbeddedNetwork network;

	@BeforeAll
	static void boot()
	{
		network = TestNetworks.boot("client-test", """
				parents:
				  - identifier: parent.test
				organizations:
				  - identifier: a.test
				    roles: {parent.test: [DIC]}
				    environment: {DEV_DSF_TESTBED_PING_TARGET: b.test}
				  - identifier: b.test
				    roles: {parent.test: [DIC]}
				""", TestNetworks.twoOrgPingPlugin());
	}

	@AfterAll
	static void close()
	{
		if (network != null)
			network.close();
	}

	@Test
	void aTaskStartedFromTheDraftTemplateCarriesItsInputsUnlessGivenOnesReplaceThem()
	{
		try (OrgClient a = OrgClient.of(network.organization("a.test")))
		{
			a.fhir().create().resource(template()).execute();

			Task started = a.startProcess(PING,
					List.of(OrgClient.input(EXAMPLE_SYSTEM, "replaced", new StringType("given"))));

			assertThat(OrgClient.stringInput(started, OrgClient.BPMN_MESSAGE_SYSTEM, "message-name"))
					.contains("startPing");
			assertThat(started.getInput()).filteredOn(i -> i.getType().getCodingFirstRep().getCode().equals("replaced"))
					.singleElement().satisfies(i -> assertThat(i.getValue().primitiveValue()).isEqualTo("given"));
			assertThat(OrgClient.stringInput(started, EXAMPLE_SYSTEM, "kept")).contains("from the template");
			assertThat(started.getIdentifier()).isEmpty();
			assertThat(a.awaitStatus(started.getIdElement().getIdPart(), TaskStatus.COMPLETED, Duration.ofSeconds(30))
					.getStatus()).isEqualTo(TaskStatus.COMPLETED);
		}
	}

	/** A draft Task template as plugins ship them, with two example inputs. */
	private static Task template()
	{
		Task template = new Task().setStatus(TaskStatus.DRAFT).setIntent(TaskIntent.ORDER)
				.setInstantiatesCanonical(PING).setAuthoredOn(new Date());
		template.getMeta().addProfile("http://dsf.dev/fhir/StructureDefinition/task-start-ping|1.0");
		template.addIdentifier(new Identifier().setSystem(OrgClient.TASK_IDENTIFIER_SYSTEM)
				.setValue("http://dsf.dev/bpe/Process/ping/1.0/client-test"));
		template.setRequester(OrgClient.organizationReference("a.test"));
		template.getRestriction().addRecipient(OrgClient.organizationReference("a.test"));
		template.addInput(OrgClient.input(OrgClient.BPMN_MESSAGE_SYSTEM, "message-name", new StringType("startPing")));
		template.addInput(OrgClient.input(EXAMPLE_SYSTEM, "replaced", new StringType("example")));
		template.addInput(OrgClient.input(EXAMPLE_SYSTEM, "kept", new StringType("from the template")));
		return template;
	}

	@Test
	void aServerReachedAtAnotherAddressThanItsBaseUrlIsRecognisedAndItsPagesFollowedThere()
	{
		var a = network.organization("a.test");
		// a published port stands in for another address: the server certificate names 127.0.0.1, too
		String connectUrl = a.fhirBaseUrl().replace("://localhost:", "://127.0.0.1:");
		assertThat(connectUrl).isNotEqualTo(a.fhirBaseUrl());
		try (OrgClient client = OrgClient.of("a.test", a.fhirBaseUrl(), connectUrl, a.clientCertificate(),
				a.trustedCas()))
		{
			Task started = client.startProcess(PING, List.of());
			assertThat(started.getRestriction().getRecipientFirstRep().getIdentifier().getValue()).isEqualTo("a.test");
			assertThat(client.awaitStatus(started.getIdElement().getIdPart(), TaskStatus.COMPLETED,
					Duration.ofSeconds(30)).getStatus()).isEqualTo(TaskStatus.COMPLETED);

			// three per page: the next-page links name the base URL, the client follows them at connectUrl (the base
			// URL is reachable here too; OrganizationImageIT pages where it is not)
			List<org.hl7.fhir.r4.model.CodeSystem> all = client.search(org.hl7.fhir.r4.model.CodeSystem.class,
					"CodeSystem?_count=1000");
			assertThat(all).hasSizeGreaterThan(3);
			assertThat(client.search(org.hl7.fhir.r4.model.CodeSystem.class, "CodeSystem?_count=3"))
					.hasSameSizeAs(all);
		}
	}

	@Test
	void anUnknownProcessIsAnsweredWithTheProcessesTheServerKnows()
	{
		try (OrgClient b = OrgClient.of(network.organization("b.test")))
		{
			assertThatThrownBy(() -> b.startProcess("http://dsf.dev/bpe/Process/nothing|1.0", List.of()))
					.isInstanceOf(ProcessStartException.class).hasMessageContaining("unknown process")
					.hasMessageContaining("http://dsf.dev/bpe/Process/ping|1.0")
					.hasMessageContaining("http://dsf.dev/bpe/Process/pong|1.0");
			assertThatThrownBy(() -> b.startProcess("http://dsf.dev/bpe/Process/ping", List.of()))
					.isInstanceOf(ProcessStartException.class).hasMessageContaining("has no version");
		}
	}
}
