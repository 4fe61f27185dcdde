package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.dsftestbed.fhir.authorization.Processes;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plugins ship differential-only profiles; the server generates their snapshots and validates Tasks against them,
 * as DSF does when a BPE deploys a plugin's resources.
 */
class FhirServerPluginProfileTest
{
	private static final String PROFILE = "http://dsf.test/fhir/StructureDefinition/task-start-ping";

	private static ServerFixture fixture;
	private static HttpsTestClient local;
	private static HttpsTestClient remote;

	@BeforeAll
	static void start() throws Exception
	{
		fixture = new ServerFixture();
		local = fixture.client(ServerFixture.LOCAL);
		remote = fixture.client(ServerFixture.REMOTE);

		StructureDefinition profile = new StructureDefinition();
		profile.getMeta().addTag("http://dsf.dev/fhir/CodeSystem/read-access-tag", "ALL", null);
		profile.setUrl(PROFILE).setVersion("1.0").setName("TaskStartPing").setStatus(PublicationStatus.ACTIVE)
				.setKind(StructureDefinition.StructureDefinitionKind.RESOURCE).setAbstract(false).setType("Task")
				.setBaseDefinition("http://dsf.dev/fhir/StructureDefinition/task-base")
				.setDerivation(StructureDefinition.TypeDerivationRule.CONSTRAINT);
		ElementDefinition description = profile.getDifferential().addElement();
		description.setPath("Task.description").setMin(1);
		description.setId("Task.description");
		HttpsTestClient.Response stored = local.postJson("StructureDefinition", profile);
		assertThat(stored.status()).as(stored.body()).isEqualTo(201);

		ActivityDefinition process = new ActivityDefinition();
		process.getMeta().addTag("http://dsf.dev/fhir/CodeSystem/read-access-tag", "ALL", null);
		process.setUrl(Processes.PROCESS_URL).setVersion(Processes.PROCESS_VERSION).setStatus(PublicationStatus.ACTIVE);
		process.addExtension(Processes.authorization(Processes.MESSAGE_NAME, PROFILE + "|1.0",
				List.of(Processes.remoteAll()), List.of(Processes.localAll())));
		assertThat(local.postJson("ActivityDefinition", process).status()).isEqualTo(201);
	}

	@AfterAll
	static void stop()
	{
		fixture.close();
	}

	private static Task task()
	{
		Task task = FhirServerTaskTest.task(ServerFixture.REMOTE, ServerFixture.LOCAL, Processes.MESSAGE_NAME);
		task.getMeta().getProfile().clear();
		task.getMeta().addProfile(PROFILE + "|1.0");
		return task;
	}

	@Test
	void taskConformingToTheDifferentialProfileIsAccepted() throws Exception
	{
		HttpsTestClient.Response response = remote.postJson("Task", task().setDescription("ping"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	@Test
	void taskViolatingTheDifferentialProfileIsRefused() throws Exception
	{
		int before = fixture.server.store().current("Task", t -> true).size();
		HttpsTestClient.Response response = remote.postJson("Task", task());

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).contains("Task.description");
		assertThat(fixture.server.store().current("Task", t -> true)).hasSize(before);
	}

	@Test
	void taskClaimingAnUnknownProfileIsRefused() throws Exception
	{
		Task task = task().setDescription("ping");
		task.getMeta().addProfile("http://dsf.test/fhir/StructureDefinition/unknown|1.0");
		assertThat(remote.postJson("Task", task).status()).isEqualTo(403);
	}
}
