package org.dsftestbed.bpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.bpe.fhir.FhirResourceDeployment;
import org.dsftestbed.bpe.plugin.PluginSource;
import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.dsftestbed.bpe.state.BpeDatabase;
import org.dsftestbed.bpe.state.ProcessState;
import org.dsftestbed.bpe.state.ProcessStateChange;
import org.dsftestbed.bpe.twoorg.TwoOrgPingConfig;
import org.dsftestbed.bpe.twoorg.TwoOrgPingPlugin;
import org.dsftestbed.fhir.server.FhirServer;
import org.dsftestbed.fhir.server.LoopbackPorts;
import org.dsftestbed.network.NetworkCertificates;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.pki.KeyType;
import org.dsftestbed.time.NetworkClock;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.ws.rs.WebApplicationException;

import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * Process deployment states across starts of one organization's BPE on the same {@link BpeDatabase} (spec §5.4), as a
 * DSF 1.9.0 BPE restarted on its database: each test has its own FHIR server and database, starts the BPE with the
 * {@link TwoOrgPingPlugin} (ping and pong), stops it and starts it again with something changed.
 */
class ProcessStatesTest
{
	private static final String ORG = "dic.dsf.test";
	private static final String RELEASE_JAR = "dsf-testbed-two-org-ping-1.0.0.0.jar";
	private static final String DRAFT_JAR = "dsf-testbed-two-org-ping-1.0.0.0-SNAPSHOT.jar";
	private static final ProcessIdAndVersion PING = new ProcessIdAndVersion(TwoOrgPingPlugin.PING, "1.0");
	private static final ProcessIdAndVersion PONG = new ProcessIdAndVersion(TwoOrgPingPlugin.PONG, "1.0");
	private static final String PING_URL = "http://dsf.dev/bpe/Process/ping";
	private static final String PONG_URL = "http://dsf.dev/bpe/Process/pong";
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final NetworkDefinition network = NetworkPresets.load("tutorial");
	private static NetworkCertificates certificates;
	private static NetworkEngines engines;
	private static Path pluginFiles;

	@TempDir
	Path temp;

	private FhirServer server;
	private BpeDatabase database;
	private final List<OrganizationBpe> started = new ArrayList<>();

	@BeforeAll
	static void setUp() throws Exception
	{
		certificates = NetworkCertificates.generate(network, KeyType.RSA_2048, Clock.systemUTC());
		engines = NetworkEngines.create("process-states", new NetworkClock());
		pluginFiles = Path.of(ProcessStatesTest.class.getResource("/test-plugin/twoorg").toURI());
	}

	@AfterAll
	static void tearDown()
	{
		if (engines != null)
			engines.close();
	}

	@BeforeEach
	void startServer() throws IOException
	{
		int port = LoopbackPorts.free();
		server = LoopbackOrganizations.server(certificates, ORG, port,
				LoopbackOrganizations.allowList(network, certificates, Map.of(ORG, port)));
		database = BpeDatabase.inMemory(ORG);
	}

	@AfterEach
	void stopAll()
	{
		started.forEach(OrganizationBpe::close);
		database.close();
		server.close();
	}

	// starting and stopping

	private OrganizationBpe start(List<PluginSource> plugins, Map<String, String> environment) throws Exception
	{
		TwoOrgPingConfig.DEPLOYED.clear();
		OrganizationBpe bpe = OrganizationBpe.start(OrganizationBpeConfig
				.of(ORG, server.baseUrl(), certificates.organization(ORG).client(), certificates.pki().caCertificates(),
						engines)
				.withPlugins(plugins).withEnvironment(environment).withDatabase(database));
		started.add(bpe);
		return bpe;
	}

	private OrganizationBpe start(PluginSource plugin) throws Exception
	{
		return start(List.of(plugin), Map.of());
	}

	private OrganizationBpe restart(OrganizationBpe running, List<PluginSource> plugins,
			Map<String, String> environment) throws Exception
	{
		stop(running);
		return start(plugins, environment);
	}

	private OrganizationBpe restart(OrganizationBpe running, PluginSource plugin) throws Exception
	{
		return restart(running, List.of(plugin), Map.of());
	}

	private void stop(OrganizationBpe bpe)
	{
		bpe.close();
		started.remove(bpe);
	}

	private static PluginSource release()
	{
		return PluginSource.directory(pluginFiles, RELEASE_JAR);
	}

	private static PluginSource draft()
	{
		return PluginSource.directory(pluginFiles, DRAFT_JAR);
	}

	/** The plugin's files copied, with the ping model changed (a documentation element added). */
	private PluginSource draftWithChangedPing(String documentation) throws IOException
	{
		Path copy = temp.resolve("plugin-" + documentation);
		try (Stream<Path> files = Files.walk(pluginFiles))
		{
			for (Path file : files.toList())
			{
				Path target = copy.resolve(pluginFiles.relativize(file).toString());
				if (Files.isDirectory(file))
					Files.createDirectories(target);
				else
					Files.copy(file, target);
			}
		}
		Path ping = copy.resolve("twoorg/bpe/ping.bpmn");
		String bpmn = Files.readString(ping);
		String changed = bpmn.replace("<bpmn:startEvent id=\"StartPing\">",
				"<bpmn:documentation>" + documentation + "</bpmn:documentation>\n\t\t<bpmn:startEvent id=\"StartPing\">");
		assertThat(changed).isNotEqualTo(bpmn);
		Files.writeString(ping, changed);
		return PluginSource.directory(copy, DRAFT_JAR);
	}

	// what to look at

	private static ProcessState state(OrganizationBpe bpe, ProcessIdAndVersion process, ProcessState from)
	{
		ProcessStateChange change = bpe.report().processState(process)
				.orElseThrow(() -> new AssertionError("no state for " + process + " in " + bpe.report()));
		assertThat(change.oldState()).as("old state of " + process).isEqualTo(from);
		return change.newState();
	}

	private List<MetadataResource> resourcesOf(String type)
	{
		return server.store().current(type, r -> true).stream().filter(MetadataResource.class::isInstance)
				.map(MetadataResource.class::cast)
				.filter(r -> r.getUrl() != null && (r.getUrl().contains("ping") || r.getUrl().contains("pong")))
				.toList();
	}

	private ActivityDefinition activityDefinition(String url)
	{
		List<ActivityDefinition> found = server.store().current("ActivityDefinition", r -> true).stream()
				.map(ActivityDefinition.class::cast).filter(a -> url.equals(a.getUrl())).toList();
		assertThat(found).as("ActivityDefinitions " + url).hasSizeLessThanOrEqualTo(1);
		return found.isEmpty() ? null : found.get(0);
	}

	private static List<String> requests(OrganizationBpe bpe, HTTPVerb method)
	{
		return bpe.report().resources().stream().filter(o -> o.method() == method)
				.map(o -> o.resourceType() + "?" + o.criteria()).toList();
	}

	private static boolean active(OrganizationBpe bpe, ProcessIdAndVersion process)
	{
		return bpe.engine().activeProcessDefinition(process.id(), process.version()).isPresent();
	}

	private static List<ProcessDefinition> definitions(OrganizationBpe bpe, ProcessIdAndVersion process)
	{
		return bpe.engine().processDefinitions(process.id(), process.version());
	}

	private static List<String> deployedListenerIds()
	{
		assertThat(TwoOrgPingConfig.DEPLOYED).as("deployment state listener calls").hasSize(1);
		return TwoOrgPingConfig.DEPLOYED.peek();
	}

	private FhirWebserviceClient client()
	{
		return LoopbackOrganizations.client(certificates, server, ORG);
	}

	private static Task startPingTask()
	{
		Task task = new Task().setStatus(TaskStatus.REQUESTED).setIntent(TaskIntent.ORDER)
				.setInstantiatesCanonical(PING_URL + "|1.0").setAuthoredOn(new Date());
		task.getMeta().addProfile("http://dsf.dev/fhir/StructureDefinition/task-start-ping|1.0");
		Reference org = new Reference().setType("Organization").setIdentifier(
				new Identifier().setSystem("http://dsf.dev/sid/organization-identifier").setValue(ORG));
		task.setRequester(org);
		task.getRestriction().addRecipient(org.copy());
		task.addInput().setValue(new StringType("startPing")).getType().addCoding()
				.setSystem("http://dsf.dev/fhir/CodeSystem/bpmn-message").setCode("message-name");
		return task;
	}

	private static Task awaitTerminal(FhirWebserviceClient client, String id) throws InterruptedException
	{
		long end = System.nanoTime() + TIMEOUT.toNanos();
		while (true)
		{
			Task task = client.read(Task.class, id);
			if (task.getStatus() == TaskStatus.COMPLETED || task.getStatus() == TaskStatus.FAILED)
				return task;
			if (System.nanoTime() > end)
				throw new AssertionError("Task " + id + " still " + task.getStatus());
			Thread.sleep(50);
		}
	}

	private static String errorOutput(Task task)
	{
		return task.getOutput().stream().filter(o -> "error".equals(o.getType().getCodingFirstRep().getCode()))
				.map(o -> ((StringType) o.getValue()).getValue()).findFirst().orElse(null);
	}

	// the tests

	@Test
	void firstStartMakesEveryProcessActiveAndARestartOnlyVerifies() throws Exception
	{
		OrganizationBpe first = start(release());
		assertThat(state(first, PING, ProcessState.NEW)).isEqualTo(ProcessState.ACTIVE);
		assertThat(state(first, PONG, ProcessState.NEW)).isEqualTo(ProcessState.ACTIVE);
		assertThat(first.report().resources()).extracting(FhirResourceDeployment.Outcome::method)
				.containsOnly(HTTPVerb.POST).hasSize(6);
		assertThat(activityDefinition(PING_URL).getStatus()).isEqualTo(PublicationStatus.ACTIVE);
		assertThat(database.resources().get(PING)).hasSize(4).allSatisfy(r -> assertThat(r.resourceId()).isNotNull());
		assertThat(deployedListenerIds()).containsExactlyInAnyOrder(PING.id(), PONG.id());

		OrganizationBpe second = restart(first, release());
		assertThat(state(second, PING, ProcessState.ACTIVE)).isEqualTo(ProcessState.ACTIVE);
		assertThat(state(second, PONG, ProcessState.ACTIVE)).isEqualTo(ProcessState.ACTIVE);
		assertThat(second.report().resources()).as("nothing changed, nothing sent").isEmpty();
		assertThat(activityDefinition(PING_URL).getMeta().getVersionId()).isEqualTo("1");
		assertThat(definitions(second, PING)).as("same model, no new Camunda version").hasSize(1);
		assertThat(active(second, PING)).isTrue();
		assertThat(deployedListenerIds()).containsExactlyInAnyOrder(PING.id(), PONG.id());
	}

	@Test
	void aResourceDeletedBehindTheBpesBackIsCreatedAgainOnRestart() throws Exception
	{
		OrganizationBpe first = start(release());
		server.store().writeLocked(() ->
		{
			server.store().delete("ActivityDefinition", activityDefinition(PONG_URL).getIdElement().getIdPart());
			return null;
		});
		assertThat(activityDefinition(PONG_URL)).isNull();

		OrganizationBpe second = restart(first, release());
		assertThat(requests(second, HTTPVerb.POST)).containsExactly("ActivityDefinition?url=" + PONG_URL + "&version=1.0");
		assertThat(activityDefinition(PONG_URL).getStatus()).isEqualTo(PublicationStatus.ACTIVE);
	}

	@Test
	void aRetiredProcessIsRefusedByTheServerAndNotFoundByTheBpe() throws Exception
	{
		FhirWebserviceClient client = client();
		OrganizationBpe first = start(release());
		stop(first);
		// created while the BPE is offline, when the process is still active: the restarted BPE finds it
		String waiting = client.withMinimalReturn().create(startPingTask()).getIdPart();

		OrganizationBpe retired = start(List.of(release()), Map.of("DEV_DSF_BPE_PROCESS_RETIRED", PING.toString()));
		assertThat(state(retired, PING, ProcessState.ACTIVE)).isEqualTo(ProcessState.RETIRED);
		assertThat(state(retired, PONG, ProcessState.ACTIVE)).isEqualTo(ProcessState.ACTIVE);
		assertThat(requests(retired, HTTPVerb.PUT)).hasSize(4)
				.contains("ActivityDefinition?url=" + PING_URL + "&version=1.0");
		assertThat(activityDefinition(PING_URL).getStatus()).isEqualTo(PublicationStatus.RETIRED);
		assertThat(activityDefinition(PONG_URL).getStatus()).isEqualTo(PublicationStatus.ACTIVE);
		assertThat(definitions(retired, PING)).singleElement().extracting(ProcessDefinition::isSuspended)
				.isEqualTo(true);
		assertThat(active(retired, PONG)).isTrue();
		assertThat(deployedListenerIds()).containsExactly(PONG.id());

		Task failed = awaitTerminal(client, waiting);
		assertThat(failed.getStatus()).isEqualTo(TaskStatus.FAILED);
		assertThat(errorOutput(failed)).isEqualTo("Process not found");
		assertThatThrownBy(() -> client.create(startPingTask())).as("AD retired: Task refused (spec §3.3)")
				.isInstanceOfSatisfying(WebApplicationException.class,
						e -> assertThat(e.getResponse().getStatus()).isEqualTo(403))
				.hasMessageContaining("no ActivityDefinition " + PING_URL + "|1.0 in status draft or active");

		OrganizationBpe again = restart(retired, release());
		assertThat(state(again, PING, ProcessState.RETIRED)).isEqualTo(ProcessState.ACTIVE);
		assertThat(activityDefinition(PING_URL).getStatus()).isEqualTo(PublicationStatus.ACTIVE);
		assertThat(active(again, PING)).isTrue();
	}

	@Test
	void aProcessListedAsExcludedHasItsResourcesDeleted() throws Exception
	{
		OrganizationBpe excludedAtOnce = start(List.of(release()),
				Map.of("DEV_DSF_BPE_PROCESS_EXCLUDED", "dsfdev_other|2.0,\n" + PING));
		assertThat(state(excludedAtOnce, PING, ProcessState.NEW)).isEqualTo(ProcessState.EXCLUDED);
		assertThat(activityDefinition(PING_URL)).as("NEW -> EXCLUDED: nothing uploaded").isNull();
		assertThat(activityDefinition(PONG_URL)).isNotNull();
		assertThat(active(excludedAtOnce, PING)).isFalse();
		assertThat(database.resources()).doesNotContainKey(PING);

		OrganizationBpe included = restart(excludedAtOnce, release());
		assertThat(state(included, PING, ProcessState.EXCLUDED)).isEqualTo(ProcessState.ACTIVE);
		assertThat(requests(included, HTTPVerb.POST)).hasSize(4);
		assertThat(active(included, PING)).isTrue();

		OrganizationBpe excluded = restart(included, List.of(release()),
				Map.of("DEV_DSF_BPE_PROCESS_EXCLUDED", PING.toString()));
		assertThat(state(excluded, PING, ProcessState.ACTIVE)).isEqualTo(ProcessState.EXCLUDED);
		assertThat(requests(excluded, HTTPVerb.DELETE)).containsExactlyInAnyOrder(
				"ActivityDefinition?url=" + PING_URL + "&version=1.0",
				"CodeSystem?url=http://dsf.dev/fhir/CodeSystem/testbed-ping&version=1.0",
				"StructureDefinition?url=http://dsf.dev/fhir/StructureDefinition/task-start-ping&version=1.0",
				"StructureDefinition?url=http://dsf.dev/fhir/StructureDefinition/task-pong&version=1.0");
		assertThat(activityDefinition(PING_URL)).isNull();
		assertThat(activityDefinition(PONG_URL).getStatus()).isEqualTo(PublicationStatus.ACTIVE);
		assertThat(active(excluded, PING)).isFalse();
		assertThat(deployedListenerIds()).containsExactly(PONG.id());
		assertThat(database.resources()).doesNotContainKey(PING).containsKey(PONG);
	}

	@Test
	void aPluginNoLongerShippedIsExcludedAndItsResourcesDeleted() throws Exception
	{
		OrganizationBpe shipped = start(release());

		OrganizationBpe gone = restart(shipped, List.of(), Map.of());
		assertThat(state(gone, PING, ProcessState.ACTIVE)).isEqualTo(ProcessState.EXCLUDED);
		assertThat(state(gone, PONG, ProcessState.ACTIVE)).isEqualTo(ProcessState.EXCLUDED);
		assertThat(gone.report().resources()).hasSize(6)
				.allSatisfy(o -> assertThat(o.method()).isEqualTo(HTTPVerb.DELETE));
		assertThat(resourcesOf("ActivityDefinition")).isEmpty();
		assertThat(resourcesOf("StructureDefinition")).isEmpty();
		assertThat(active(gone, PING)).isFalse();
		assertThat(active(gone, PONG)).isFalse();
		assertThat(database.resources()).isEmpty();

		OrganizationBpe back = restart(gone, release());
		assertThat(state(back, PING, ProcessState.EXCLUDED)).isEqualTo(ProcessState.ACTIVE);
		assertThat(back.report().resources()).hasSize(6)
				.allSatisfy(o -> assertThat(o.method()).isEqualTo(HTTPVerb.POST));
		assertThat(active(back, PING)).isTrue();
		assertThat(definitions(back, PING)).as("the deployment kept in the engine database, activated").hasSize(1);
	}

	@Test
	void aDraftIsUploadedAgainOnEveryStartAndAChangedModelIsANewCamundaVersion() throws Exception
	{
		OrganizationBpe first = start(draft());
		assertThat(state(first, PING, ProcessState.NEW)).isEqualTo(ProcessState.DRAFT);
		assertThat(activityDefinition(PING_URL).getStatus()).isEqualTo(PublicationStatus.DRAFT);
		assertThat(deployedListenerIds()).containsExactlyInAnyOrder(PING.id(), PONG.id());

		OrganizationBpe same = restart(first, draft());
		assertThat(state(same, PING, ProcessState.DRAFT)).isEqualTo(ProcessState.DRAFT);
		assertThat(same.report().resources()).hasSize(6)
				.allSatisfy(o -> assertThat(o.method()).isEqualTo(HTTPVerb.PUT));
		assertThat(activityDefinition(PING_URL).getMeta().getVersionId()).isEqualTo("2");
		assertThat(definitions(same, PING)).as("unchanged model: no new Camunda version").hasSize(1);

		OrganizationBpe changed = restart(same, draftWithChangedPing("changed"));
		List<ProcessDefinition> pings = definitions(changed, PING);
		assertThat(pings).extracting(ProcessDefinition::getVersion).containsExactly(1, 2);
		assertThat(pings).extracting(ProcessDefinition::isSuspended).containsExactly(true, false);
		assertThat(changed.engine().activeProcessDefinition(PING.id(), PING.version())).get()
				.extracting(ProcessDefinition::getVersion).isEqualTo(2);
		assertThat(definitions(changed, PONG)).singleElement().extracting(ProcessDefinition::isSuspended)
				.isEqualTo(false);

		OrganizationBpe released = restart(changed, release());
		assertThat(state(released, PING, ProcessState.DRAFT)).isEqualTo(ProcessState.ACTIVE);
		assertThat(released.report().resources()).hasSize(6)
				.allSatisfy(o -> assertThat(o.method()).isEqualTo(HTTPVerb.PUT));
		assertThat(activityDefinition(PING_URL).getStatus()).isEqualTo(PublicationStatus.ACTIVE);
		assertThat(released.engine().activeProcessDefinition(PING.id(), PING.version())).isPresent();
	}

	@Test
	void aBadProcessListStopsTheStartNamingTheVariableAndItem()
	{
		assertThatThrownBy(() -> start(List.of(release()), Map.of("DEV_DSF_BPE_PROCESS_RETIRED", "dsfdev_ping 1.0")))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEV_DSF_BPE_PROCESS_RETIRED")
				.hasMessageContaining("'dsfdev_ping 1.0'");
		assertThat(database.processStates()).as("nothing deployed").isEmpty();
	}
}
