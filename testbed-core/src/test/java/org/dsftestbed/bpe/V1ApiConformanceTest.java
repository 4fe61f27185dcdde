package org.dsftestbed.bpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.bpe.OrganizationTasks.BPMN_MESSAGE;
import static org.dsftestbed.bpe.OrganizationTasks.awaitTerminal;
import static org.dsftestbed.bpe.OrganizationTasks.code;
import static org.dsftestbed.bpe.OrganizationTasks.history;
import static org.dsftestbed.bpe.OrganizationTasks.input;
import static org.dsftestbed.bpe.OrganizationTasks.organization;
import static org.dsftestbed.bpe.conformance.ConformanceNetwork.EXTERNAL;
import static org.dsftestbed.bpe.conformance.ConformanceNetwork.LOCAL;
import static org.dsftestbed.bpe.conformance.ConformanceNetwork.TEST_CODE_SYSTEM;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.mail.Message.RecipientType;

import org.dsftestbed.bpe.conformance.ConformanceConfig;
import org.dsftestbed.bpe.conformance.ConformanceNetwork;
import org.dsftestbed.bpe.conformance.ConformancePlugin;
import org.dsftestbed.bpe.conformance.DeliberateFailureCheck;
import org.dsftestbed.bpe.conformance.MailServiceCheck;
import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.bpe.runtime.CapturedMails;
import org.dsftestbed.fhir.server.FhirServer;
import org.dsftestbed.fhir.server.LoopbackPorts;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkDefinitionReader;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.time.NetworkClock;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskOutputComponent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * The v1 API conformance run, after DSF 2.1.0's {@code PluginV1IntegrationTest} (spec §7): the local organization's
 * FHIR server and BPE with the {@link ConformancePlugin}, and an external organization's FHIR server for remote reads.
 * Each test posts a start Task under the local organization's client certificate (requester = recipient = local) with
 * one {@code test-activity}, and asserts DSF's Task lifecycle (v1 requested → v2 in-progress with one UUID business
 * key → v3 completed) and the check outputs the activity wrote.
 */
class V1ApiConformanceTest
{
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static NetworkCertificates certificates;
	private static FhirServer localServer;
	private static FhirServer externalServer;
	private static NetworkEngines engines;
	private static OrganizationBpe bpe;
	private static FhirWebserviceClient client;

	@BeforeAll
	static void start() throws Exception
	{
		NetworkDefinition network = NetworkDefinitionReader
				.read(Path.of(V1ApiConformanceTest.class.getResource("/conformance/network.yaml").toURI()));
		certificates = NetworkCertificates.generate(network, KeyType.RSA_2048, Clock.systemUTC());
		List<Integer> free = LoopbackPorts.free(2);
		Map<String, Integer> ports = Map.of(LOCAL, free.get(0), EXTERNAL, free.get(1));
		Bundle allowList = LoopbackOrganizations.allowList(network, certificates, ports);
		localServer = LoopbackOrganizations.server(certificates, LOCAL, ports.get(LOCAL), allowList);
		externalServer = LoopbackOrganizations.server(certificates, EXTERNAL, ports.get(EXTERNAL), allowList);

		engines = NetworkEngines.create("v1-conformance", new NetworkClock());
		Path plugin = Path.of(V1ApiConformanceTest.class.getResource("/test-plugin/conformance").toURI());
		Map<String, String> environment = Map.of("DEV_DSF_PROXY_URL", ConformanceNetwork.PROXY_URL,
				"DEV_DSF_PROXY_USERNAME", ConformanceNetwork.PROXY_USERNAME, "DEV_DSF_PROXY_PASSWORD",
				ConformanceNetwork.PROXY_PASSWORD, "DEV_DSF_PROXY_NOPROXY", ConformanceNetwork.PROXY_NO_PROXY,
				"DEV_DSF_BPE_TEST_ENV_MANDATORY", ConformanceNetwork.MANDATORY_VALUE,
				// the property spelling, not the environment variable's: the BPE finds either
				ConformanceNetwork.EXTERNAL_ADDRESS_PROPERTY, address(ports.get(EXTERNAL)));
		bpe = OrganizationBpe.start(OrganizationBpeConfig
				.of(LOCAL, localServer.baseUrl(), certificates.organization(LOCAL).client(),
						certificates.pki().caCertificates(), engines)
				.withPlugins(List.of(PluginSource.directory(plugin, ConformanceNetwork.PLUGIN_JAR)))
				.withEnvironment(environment));
		client = LoopbackOrganizations.client(certificates, localServer, LOCAL);
	}

	private static String address(int port)
	{
		return "https://localhost:" + port + "/fhir";
	}

	@AfterAll
	static void stop()
	{
		for (AutoCloseable c : new AutoCloseable[] { bpe, engines, localServer, externalServer })
			try
			{
				if (c != null)
					c.close();
			}
			catch (Exception e)
			{
				e.printStackTrace();
			}
	}

	@Test
	void pluginIsLoadedAndItsResourcesUploaded()
	{
		assertThat(bpe.report().rejected()).isEmpty();
		assertThat(bpe.report().loaded()).singleElement()
				.satisfies(p -> assertThat(p.processIds()).singleElement()
						.satisfies(id -> assertThat(id.id()).isEqualTo(ConformancePlugin.PROCESS_ID)));
		for (String type : List.of("ActivityDefinition", "CodeSystem", "StructureDefinition", "ValueSet"))
			assertThat(localServer.store().current(type, r -> r instanceof MetadataResource m
					&& m.getUrl().startsWith("http://dsf.dev/") && m.getUrl().endsWith("/test")
					|| r instanceof MetadataResource s && ConformanceNetwork.TASK_PROFILE.equals(s.getUrl())))
					.as(type).singleElement()
					.satisfies(r -> assertThat(((MetadataResource) r).getVersion()).isEqualTo("1.0"));
		assertThat(localServer.store().current("CodeSystem", r -> TEST_CODE_SYSTEM.equals(((CodeSystem) r).getUrl())))
				.singleElement().satisfies(c -> assertThat(((CodeSystem) c).getConcept()).hasSize(3));
		assertThat(ConformanceConfig.DEPLOYED).containsExactly(List.of(ConformancePlugin.PROCESS_ID));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Api", "Proxy", "OrganizationProvider", "EndpointProvider", "EnvironmentVariable",
			"TaskHelper", "Variables", "QuestionnaireResponseHelper", "ReadAccessHelper", "ProcessAuthorizationHelper",
			"MailService", "FhirWebserviceClientProvider", "FhirContextAndObjectMapper" })
	void everyCheckOfTheActivitySucceeds(String activity) throws Exception
	{
		Task completed = runToCompletion(activity);

		assertThat(outputs(completed, ConformanceNetwork.FAILED)).as("failed checks of " + activity).isEmpty();
		assertThat(outputs(completed, ConformanceNetwork.SUCCEEDED)).as("succeeded checks of " + activity)
				.isNotEmpty();
	}

	@Test
	void mailsSentByThePluginAreCaptured() throws Exception
	{
		Task completed = runToCompletion("MailService");
		String businessKey = input(completed, "business-key").orElseThrow();

		List<CapturedMails.Mail> mails = bpe.api().mails().mails().stream()
				.filter(m -> m.subject().contains(businessKey)).toList();
		assertThat(mails).extracting(CapturedMails.Mail::subject).containsExactly(
				MailServiceCheck.subject(businessKey, 1), MailServiceCheck.subject(businessKey, 2),
				MailServiceCheck.subject(businessKey, 3), MailServiceCheck.subject(businessKey, 4),
				MailServiceCheck.subject(businessKey, 5));
		assertThat(mails.get(0).text()).isEqualTo("plain text");
		assertThat(mails.get(1).message().getRecipients(RecipientType.TO)).extracting(Object::toString)
				.containsExactly("someone@example.org");
		assertThat(mails.get(2).message().getRecipients(RecipientType.TO)).extracting(Object::toString)
				.containsExactly("one@example.org", "two@example.org");
		assertThat(mails.get(3).text()).isEqualTo("mime body");
		assertThat(mails.get(4).message().getHeader("X-Conformance")).containsExactly(businessKey);
	}

	@Test
	void aFailingCheckIsReportedAsFailedOutputAndTheTaskStillCompletes() throws Exception
	{
		Task completed = runToCompletion("DeliberateFailure");

		assertThat(outputs(completed, ConformanceNetwork.SUCCEEDED)).containsExactly(DeliberateFailureCheck.HOLDS);
		assertThat(outputs(completed, ConformanceNetwork.FAILED)).singleElement().asString()
				.startsWith(DeliberateFailureCheck.FAILS + ": AssertionError: expected <Optional[" + EXTERNAL
						+ "]> but was <Optional[" + LOCAL + "]>");
	}

	@Test
	void anUnknownActivityFailsTheTaskWithoutOutputsOfChecks() throws Exception
	{
		String id = client.withMinimalReturn().create(startTask("NoSuchActivity")).getIdPart();
		Task last = awaitTerminal(client, id, TIMEOUT);

		assertThat(last.getStatus()).isEqualTo(TaskStatus.FAILED);
		assertThat(last.getOutput()).extracting(o -> o.getType().getCodingFirstRep().getCode()).containsOnly("error");
		assertThat(((StringType) last.getOutputFirstRep().getValue()).getValue()).contains("SelectActivity");
	}

	/**
	 * Posts the start Task and asserts DSF's lifecycle: v1 requested → v2 in-progress with exactly one business key (a
	 * UUID, appended as last input) → v3 completed with the same business key.
	 */
	private static Task runToCompletion(String activity) throws Exception
	{
		String id = client.withMinimalReturn().create(startTask(activity)).getIdPart();
		awaitTerminal(client, id, TIMEOUT);

		List<Task> history = history(client, id);
		assertThat(history).extracting(Task::getStatus).as("status of the versions; last: %s",
				history.get(history.size() - 1).getOutput().stream().map(V1ApiConformanceTest::describe).toList())
				.containsExactly(TaskStatus.REQUESTED, TaskStatus.INPROGRESS, TaskStatus.COMPLETED);
		assertThat(history).extracting(t -> t.getMeta().getVersionId()).containsExactly("1", "2", "3");
		assertThat(input(history.get(0), "business-key")).isEmpty();

		Task inProgress = history.get(1);
		assertThat(inProgress.getInput()).filteredOn(i -> "business-key".equals(code(i))).hasSize(1);
		assertThat(code(inProgress.getInput().get(inProgress.getInput().size() - 1))).isEqualTo("business-key");
		String businessKey = input(inProgress, "business-key").orElseThrow();
		assertThat(UUID.fromString(businessKey).toString()).isEqualTo(businessKey);

		Task completed = history.get(2);
		assertThat(input(completed, "business-key")).contains(businessKey);
		assertThat(completed.getOutput()).extracting(o -> o.getType().getCodingFirstRep().getCode())
				.doesNotContain("error");
		return completed;
	}

	private static Task startTask(String activity)
	{
		Task task = new Task().setStatus(TaskStatus.REQUESTED).setIntent(TaskIntent.ORDER)
				.setInstantiatesCanonical(ConformanceNetwork.PROCESS_URL + "|1.0").setAuthoredOn(new Date());
		task.getMeta().addProfile(ConformanceNetwork.TASK_PROFILE + "|1.0");
		task.setRequester(organization(LOCAL));
		task.getRestriction().addRecipient(organization(LOCAL));
		task.addInput().setValue(new StringType(ConformanceNetwork.START_MESSAGE)).getType().addCoding()
				.setSystem(BPMN_MESSAGE).setCode("message-name");
		task.addInput().setValue(new StringType(activity)).getType().addCoding().setSystem(TEST_CODE_SYSTEM)
				.setCode(ConformanceNetwork.TEST_ACTIVITY);
		return task;
	}

	private static List<String> outputs(Task task, String code)
	{
		return task.getOutput().stream()
				.filter(o -> TEST_CODE_SYSTEM.equals(o.getType().getCodingFirstRep().getSystem())
						&& code.equals(o.getType().getCodingFirstRep().getCode()))
				.map(o -> ((StringType) o.getValue()).getValue()).toList();
	}

	private static String describe(TaskOutputComponent output)
	{
		return output.getType().getCodingFirstRep().getCode() + "=" + output.getValue();
	}
}
