package org.dsftestbed.runtime.container.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dsftestbed.runtime.container.organization.TestOrganizations.A;
import static org.dsftestbed.runtime.container.organization.TestOrganizations.B;
import static org.dsftestbed.runtime.container.organization.TestOrganizations.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.dsftestbed.bpe.LoopbackOrganizations;
import org.dsftestbed.bpe.OrganizationBpe;
import org.dsftestbed.bpe.engine.EngineDatabase;
import org.dsftestbed.bpe.fhir.BpeFhirFixture;
import org.dsftestbed.bpe.fhir.FhirResourceDeployment;
import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.dsftestbed.bpe.state.BpeDatabase;
import org.dsftestbed.bpe.state.ProcessState;
import org.dsftestbed.bpe.state.ProcessStateChange;
import org.dsftestbed.bpe.twoorg.TwoOrgPingConfig;
import org.dsftestbed.bpe.twoorg.TwoOrgPingPlugin;
import org.dsftestbed.fhir.server.LoopbackPorts;
import org.dsftestbed.fhir.store.ResourceStore;
import org.dsftestbed.time.NetworkClock;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * An organization as the image runs it with a data directory ({@link OrganizationSettings#DATA_DIRECTORY}), stopped and
 * started again on it, as {@code docker stop}/{@code docker start} do: its resources and their history, its process
 * states and a process instance waiting for a message are still there; the second start deploys nothing; the waiting
 * instance goes on when its message arrives. A damaged file of the directory stops the start with one line naming it.
 */
class PersistentOrganizationTest
{
	private static final String PLUGIN_JAR = "dsf-testbed-two-org-ping-1.0.0.0.jar";
	private static final ProcessIdAndVersion PING = new ProcessIdAndVersion(TwoOrgPingPlugin.PING, "1.0");
	private static final ProcessIdAndVersion PONG = new ProcessIdAndVersion(TwoOrgPingPlugin.PONG, "1.0");
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path folder;

	@Test
	void aRestartedOrganizationKeepsResourcesProcessStatesAndWaitingInstances() throws Exception
	{
		List<Integer> ports = LoopbackPorts.free(4); // two servers, two control endpoints
		Map<String, String> baseUrls = Map.of(A, "https://localhost:" + ports.get(0) + "/fhir", B,
				"https://localhost:" + ports.get(1) + "/fhir");
		Path folderA = folder.resolve("a");
		Map<String, String> environmentA = environment(folderA, A, baseUrls, ports.get(2));
		environmentA.put("DEV_DSF_TESTBED_PING_TARGET", B);
		environmentA.put(OrganizationSettings.DATA_DIRECTORY, "data");
		Path folderB = folder.resolve("b");
		Map<String, String> environmentB = environment(folderB, B, baseUrls, ports.get(3));

		NetworkClock clock = new NetworkClock(); // one per JVM for Camunda
		TwoOrgPingConfig.DEPLOYED.clear();
		List<AutoCloseable> running = new ArrayList<>();
		try
		{
			StandaloneOrganization b = start(environmentB, folderB, clock, running);
			b.pauseBpe(); // B's FHIR server takes the ping, its BPE does not answer yet

			StandaloneOrganization a = start(environmentA, folderA, clock, running);
			assertThat(a.bpe().report().processStates()).extracting(ProcessStateChange::oldState,
					ProcessStateChange::newState).containsOnly(
							org.assertj.core.groups.Tuple.tuple(ProcessState.NEW, ProcessState.ACTIVE));
			assertThat(methods(a.bpe())).contains(HTTPVerb.POST);

			FhirWebserviceClient asA = LoopbackOrganizations.client(certificates(), a.server(), A);
			String startTaskId = asA.withMinimalReturn().create(startPingTask()).getIdPart();
			await("the ping Task at " + B, () -> !requestedTasks(b.server().store()).isEmpty());
			await("the ping instance at " + A + " waiting for the pong",
					() -> waitingForPong(a.bpe().engine().processEngine()));
			List<String> historyBefore = versions(asA, startTaskId);
			assertThat(historyBefore).containsExactly("1 requested", "2 in-progress");
			long deploymentsBefore = a.bpe().engine().processEngine().getRepositoryService().createDeploymentQuery()
					.count();
			List<ResourceStore.Version> resourceVersionsBefore = a.server().store().history(null);

			running.remove(a);
			a.close(); // docker stop: the shutdown hook closes the organization
			assertThat(folderA.resolve("data").resolve(OrganizationData.RESOURCE_JOURNAL)).isNotEmptyFile();
			assertThat(folderA.resolve("data").resolve(OrganizationData.BPE_DIRECTORY)
					.resolve(BpeDatabase.STATE_FILE_NAME)).isNotEmptyFile();

			TwoOrgPingConfig.DEPLOYED.clear();
			StandaloneOrganization again = start(environmentA, folderA, clock, running);
			assertThat(again.bpe().report().processState(PING)).hasValue(
					new ProcessStateChange(PING, ProcessState.ACTIVE, ProcessState.ACTIVE));
			assertThat(again.bpe().report().processState(PONG)).hasValue(
					new ProcessStateChange(PONG, ProcessState.ACTIVE, ProcessState.ACTIVE));
			assertThat(methods(again.bpe())).as("a restart with the same jar uploads nothing")
					.doesNotContain(HTTPVerb.POST, HTTPVerb.PUT, HTTPVerb.DELETE);
			ProcessEngine engine = again.bpe().engine().processEngine();
			assertThat(engine.getRepositoryService().createDeploymentQuery().count())
					.as("the same models deploy no new Camunda version").isEqualTo(deploymentsBefore);
			assertThat(waitingForPong(engine)).as("the instance still waits").isTrue();

			FhirWebserviceClient asAAgain = LoopbackOrganizations.client(certificates(), again.server(), A);
			assertThat(versions(asAAgain, startTaskId)).isEqualTo(historyBefore);
			assertThat(asAAgain.read(Task.class, startTaskId, "1").getStatus()).isEqualTo(TaskStatus.REQUESTED);
			Bundle found = asAAgain.searchWithStrictHandling(Task.class,
					Map.of("_id", List.of(startTaskId), "status", List.of("in-progress")));
			assertThat(found.getTotal()).as("search finds it in its state").isEqualTo(1);
			List<ResourceStore.Version> restored = again.server().store().history(null);
			assertThat(restored.subList(0, resourceVersionsBefore.size()))
					.extracting(ResourceStore.Version::type, ResourceStore.Version::id, ResourceStore.Version::version,
							ResourceStore.Version::lastUpdated)
					.as("every version as before; the allow list loaded again may add versions after them")
					.containsExactlyElementsOf(resourceVersionsBefore.stream()
							.map(v -> org.assertj.core.groups.Tuple.tuple(v.type(), v.id(), v.version(),
									v.lastUpdated()))
							.toList());

			b.resumeBpe(); // the pong goes to the restarted organization
			Task completed = awaitStatus(asAAgain, startTaskId, TaskStatus.COMPLETED);
			assertThat(completed.getOutput()).extracting(o -> o.getType().getCodingFirstRep().getCode())
					.contains(TwoOrgPingPlugin.PONG_RECEIVED);
			assertThat(versions(asAAgain, startTaskId)).startsWith("1 requested", "2 in-progress")
					.endsWith((historyBefore.size() + 1) + " completed");
		}
		finally
		{
			for (AutoCloseable organization : running)
				organization.close();
		}
	}

	@Test
	void aDamagedResourceJournalStopsTheStartWithOneLine() throws Exception
	{
		Map<String, String> environment = dataEnvironment();
		Path journal = folder.resolve("data").resolve(OrganizationData.RESOURCE_JOURNAL);
		Files.createDirectories(journal.getParent());
		Files.writeString(journal, "{\"type\":\"Task\"}\n");

		assertThat(runMain(environment)).isEqualTo("UNREADABLE DATA: " + OrganizationSettings.DATA_DIRECTORY + ": "
				+ journal + " line 1 is not a resource journal line: no id" + System.lineSeparator());
	}

	@Test
	void aDamagedProcessStateFileStopsTheStartWithOneLine() throws Exception
	{
		Map<String, String> environment = dataEnvironment();
		Path states = folder.resolve("data").resolve(OrganizationData.BPE_DIRECTORY)
				.resolve(BpeDatabase.STATE_FILE_NAME);
		Files.createDirectories(states.getParent());
		Files.writeString(states, "{\"processStates\": {\"dsfdev_ping|1.0\": \"SLEEPING\"}}");

		assertThat(runMain(environment)).startsWith("UNREADABLE DATA: " + OrganizationSettings.DATA_DIRECTORY
				+ ": " + states + " is not the BPE's process states file: ").contains("SLEEPING").hasLineCount(1);
	}

	@Test
	void aDamagedEngineDatabaseStopsTheStartWithOneLine() throws Exception
	{
		Map<String, String> environment = dataEnvironment();
		Path engine = folder.resolve("data").resolve(OrganizationData.BPE_DIRECTORY)
				.resolve(EngineDatabase.FILE_NAME);
		Files.createDirectories(engine.getParent());
		Files.writeString(engine, "not an H2 database ".repeat(400));

		assertThat(runMain(environment)).startsWith("UNREADABLE DATA: " + OrganizationSettings.DATA_DIRECTORY
				+ ": " + engine + " is not a usable H2 database: ").hasLineCount(1);
	}

	@Test
	void aDataDirectoryThatIsAFileIsAnInvalidConfiguration() throws Exception
	{
		Map<String, String> environment = TestOrganizations.writeA(folder, "https://a/fhir");
		Files.writeString(folder.resolve("data"), "");
		environment.put(OrganizationSettings.DATA_DIRECTORY, "data");

		assertThatThrownBy(() -> OrganizationSettings.from(environment, folder))
				.isInstanceOf(InvalidConfigurationException.class).hasMessage(
						OrganizationSettings.DATA_DIRECTORY + ": " + folder.resolve("data") + " is not a directory");
		environment.remove(OrganizationSettings.DATA_DIRECTORY);
		assertThat(OrganizationSettings.from(environment, folder).dataDirectory()).as("unset: in memory").isNull();
	}

	// helpers

	private Map<String, String> dataEnvironment() throws IOException
	{
		Map<String, String> environment = TestOrganizations.writeA(folder, "https://a/fhir");
		environment.put(OrganizationSettings.API_HOST, "127.0.0.1");
		List<Integer> ports = LoopbackPorts.free(2);
		environment.put(OrganizationSettings.API_PORT, String.valueOf(ports.get(0)));
		environment.put(OrganizationSettings.CONTROL_PORT, String.valueOf(ports.get(1)));
		environment.put(OrganizationSettings.DATA_DIRECTORY, "data");
		return environment;
	}

	/** What the main prints on stderr; it must exit with 2. */
	private String runMain(Map<String, String> environment)
	{
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = OrganizationMain.run(environment, folder, new PrintStream(OutputStream.nullOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).as(err.toString(StandardCharsets.UTF_8))
				.isEqualTo(OrganizationMain.EXIT_INVALID_CONFIGURATION);
		return err.toString(StandardCharsets.UTF_8);
	}

	/** The organization's files with the two-org ping plugin as a jar in its plugin directory. */
	private static Map<String, String> environment(Path folder, String organization, Map<String, String> baseUrls,
			int controlPort) throws Exception
	{
		Map<String, String> environment = TestOrganizations.write(folder, organization, baseUrls);
		environment.put(OrganizationSettings.API_HOST, "127.0.0.1");
		environment.put(OrganizationSettings.CONTROL_PORT, String.valueOf(controlPort));
		writePluginJar(folder.resolve(OrganizationSettings.DEFAULT_PLUGIN_DIRECTORY).resolve(PLUGIN_JAR));
		return environment;
	}

	/** The plugin's service file, BPMN and FHIR files; its classes come from the test class path. */
	private static void writePluginJar(Path jar) throws Exception
	{
		Path files = Path.of(PersistentOrganizationTest.class.getResource("/test-plugin/twoorg").toURI());
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
				Stream<Path> walk = Files.walk(files))
		{
			for (Path file : walk.filter(Files::isRegularFile).toList())
			{
				out.putNextEntry(new JarEntry(files.relativize(file).toString().replace('\\', '/')));
				Files.copy(file, out);
				out.closeEntry();
			}
		}
	}

	private static StandaloneOrganization start(Map<String, String> environment, Path folder, NetworkClock clock,
			List<AutoCloseable> running) throws Exception
	{
		StandaloneOrganization organization = StandaloneOrganization
				.start(OrganizationSettings.from(environment, folder), clock, line -> {}, line -> {});
		running.add(0, organization);
		return organization;
	}

	private static List<HTTPVerb> methods(OrganizationBpe bpe)
	{
		return bpe.report().resources().stream().map(FhirResourceDeployment.Outcome::method).toList();
	}

	private static Task startPingTask()
	{
		Task task = new Task().setStatus(TaskStatus.REQUESTED).setIntent(TaskIntent.ORDER)
				.setInstantiatesCanonical("http://dsf.dev/bpe/Process/ping|1.0").setAuthoredOn(new Date());
		task.getMeta().addProfile("http://dsf.dev/fhir/StructureDefinition/task-start-ping|1.0");
		Reference organization = new Reference().setType("Organization").setIdentifier(
				new Identifier().setSystem("http://dsf.dev/sid/organization-identifier").setValue(A));
		task.setRequester(organization);
		task.getRestriction().addRecipient(organization.copy());
		task.addInput().setValue(new StringType("startPing")).getType().addCoding(
				new Coding().setSystem("http://dsf.dev/fhir/CodeSystem/bpmn-message").setCode("message-name"));
		return task;
	}

	private static List<Task> requestedTasks(ResourceStore store)
	{
		return store.current("Task", r -> ((Task) r).getStatus() == TaskStatus.REQUESTED).stream()
				.map(Task.class::cast).toList();
	}

	private static boolean waitingForPong(ProcessEngine engine)
	{
		return engine.getRuntimeService().createEventSubscriptionQuery().eventName("pong").count() == 1;
	}

	/** {@code <version> <status>} of each version of the Task, oldest first. */
	private static List<String> versions(FhirWebserviceClient client, String taskId)
	{
		return client.history(Task.class, taskId).getEntry().stream().map(e -> (Task) e.getResource())
				.map(t -> t.getMeta().getVersionId() + " " + t.getStatus().toCode()).toList();
	}

	private static Task awaitStatus(FhirWebserviceClient client, String taskId, TaskStatus status)
			throws InterruptedException
	{
		Task[] last = new Task[1];
		await("Task " + taskId + " " + status.toCode(), () -> (last[0] = client.read(Task.class, taskId))
				.getStatus() == status || last[0].getStatus() == TaskStatus.FAILED);
		assertThat(last[0].getStatus()).as("Task " + taskId + " outputs " + last[0].getOutput()).isEqualTo(status);
		return last[0];
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException
	{
		BpeFhirFixture.await(what, TIMEOUT, condition);
	}
}
