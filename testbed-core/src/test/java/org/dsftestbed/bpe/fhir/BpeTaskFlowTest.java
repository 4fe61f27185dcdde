package org.dsftestbed.bpe.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.dsftestbed.bpe.engine.EngineOptions;
import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.fhir.authorization.Processes;
import org.dsftestbed.time.NetworkClock;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * Tasks sent by a remote organization reach the local BPE through the websocket subscription (or the catch-up
 * search) and go through DSF 1.9.0's lifecycle: v1 requested, v2 in-progress (business key appended for start Tasks),
 * v3 completed, or failed with DSF's error output.
 */
class BpeTaskFlowTest
{
	private static final String TASK_PROFILE = "http://dsf.dev/fhir/StructureDefinition/task-base|1.0.0";
	private static final String UNKNOWN_PROCESS_URL = "http://dsf.test/bpe/Process/unknown";
	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static BpeFhirFixture fixture;
	private static NetworkEngines engines;
	private static OrganizationEngine engine;
	private static FhirWebserviceClient local;
	private static FhirWebserviceClient remote;
	private static BpeFhir bpeFhir;
	private static String caughtUpTaskId;

	@BeforeAll
	static void start() throws Exception
	{
		fixture = new BpeFhirFixture();
		local = fixture.client(BpeFhirFixture.LOCAL);
		remote = fixture.client(BpeFhirFixture.REMOTE);

		local.create(activityDefinition(Processes.PROCESS_URL, "startPing", "pong"));
		local.create(activityDefinition(UNKNOWN_PROCESS_URL, "startPing"));

		engines = NetworkEngines.create("bpe-fhir-test", new NetworkClock());
		bpeFhir = new BpeFhir(fixture.server.baseUrl(), local, fixture.sslContext(BpeFhirFixture.LOCAL),
				TaskVariableCodec.JSON_STRING, QuestionnaireResponseHandler.JSON_STRING);
		engine = engines.create(bpeFhir.install(EngineOptions.forOrganization(BpeFhirFixture.LOCAL)));
		engine.deploy("ping.bpmn", pingModel());
		engine.deploy("user.bpmn", Bpmn.createExecutableProcess("dsftest_user").camundaVersionTag("1.0")
				.startEvent().message("startUser").userTask("answer").endEvent().done());
		engine.startJobExecution();

		// created before the BPE connects: found by the catch-up search
		caughtUpTaskId = remote.withMinimalReturn()
				.create(task(Processes.INSTANTIATES_CANONICAL, "startPing", null, null)).getIdPart();

		bpeFhir.connect(engine, d -> true, TIMEOUT);
	}

	@AfterAll
	static void stop()
	{
		if (bpeFhir != null)
			bpeFhir.close();
		if (engines != null)
			engines.close();
		if (fixture != null)
			fixture.close();
	}

	static BpmnModelInstance pingModel()
	{
		return Bpmn.createExecutableProcess("dsftest_ping").camundaVersionTag("1.0").startEvent("start")
				.message("startPing").serviceTask("work").camundaClass(TestDelegate.class.getName())
				.intermediateCatchEvent("waitPong").message("pong").endEvent("end").done();
	}

	private static ActivityDefinition activityDefinition(String url, String... messageNames)
	{
		ActivityDefinition process = new ActivityDefinition();
		process.getMeta().addTag("http://dsf.dev/fhir/CodeSystem/read-access-tag", "ALL", null);
		process.setUrl(url).setVersion("1.0").setStatus(PublicationStatus.ACTIVE)
				.setKind(ActivityDefinition.ActivityDefinitionKind.TASK);
		for (String messageName : messageNames)
			process.addExtension(Processes.authorization(messageName, TASK_PROFILE,
					List.of(Processes.remoteOrganization(BpeFhirFixture.REMOTE), Processes.localAll()),
					List.of(Processes.localAll())));
		return process;
	}

	static Task task(String instantiatesCanonical, String messageName, String businessKey, String correlationKey)
	{
		Task task = new Task().setStatus(TaskStatus.REQUESTED).setIntent(TaskIntent.ORDER)
				.setInstantiatesCanonical(instantiatesCanonical).setAuthoredOn(new Date());
		task.getMeta().addProfile(TASK_PROFILE);
		task.setRequester(organization(BpeFhirFixture.REMOTE));
		task.getRestriction().addRecipient(organization(BpeFhirFixture.LOCAL));
		BpmnMessage.addInput(task, BpmnMessage.MESSAGE_NAME, messageName);
		if (businessKey != null)
			BpmnMessage.addInput(task, BpmnMessage.BUSINESS_KEY, businessKey);
		if (correlationKey != null)
			BpmnMessage.addInput(task, BpmnMessage.CORRELATION_KEY, correlationKey);
		return task;
	}

	private static Reference organization(String identifier)
	{
		return new Reference().setType("Organization").setIdentifier(
				new Identifier().setSystem("http://dsf.dev/sid/organization-identifier").setValue(identifier));
	}

	private static Task read(String id)
	{
		return local.read(Task.class, id);
	}

	private static Task awaitStatus(String id, TaskStatus status) throws InterruptedException
	{
		BpeFhirFixture.await("Task/" + id + " " + status.toCode(), TIMEOUT, () -> read(id).getStatus() == status);
		return read(id);
	}

	private static List<TaskStatus> history(String id)
	{
		Bundle history = local.history(Task.class, id);
		return history.getEntry().stream().map(e -> ((Task) e.getResource()).getStatus())
				.collect(Collectors.toList());
	}

	private static List<String> errors(Task task)
	{
		return task.getOutput().stream()
				.filter(o -> o.getType().getCoding().stream().anyMatch(c -> BpmnMessage.SYSTEM.equals(c.getSystem())
						&& BpmnMessage.ERROR.equals(c.getCode())))
				.map(o -> ((StringType) o.getValue()).getValue()).toList();
	}

	private static long businessKeyInputs(Task task)
	{
		return task.getInput().stream().filter(i -> i.getType().getCoding().stream()
				.anyMatch(c -> BpmnMessage.BUSINESS_KEY.equals(c.getCode()))).count();
	}

	private static String send(Task task)
	{
		IdType id = remote.withMinimalReturn().create(task);
		return id.getIdPart();
	}

	@Test
	void startTaskGoesRequestedInProgressCompletedAndTheReplyIsCorrelated() throws Exception
	{
		int before = TestDelegate.executions.get();
		String startId = send(task(Processes.INSTANTIATES_CANONICAL, "startPing", null, null));

		Task inProgress = awaitStatus(startId, TaskStatus.INPROGRESS);
		assertThat(inProgress.getMeta().getVersionId()).isEqualTo("2");
		assertThat(businessKeyInputs(inProgress)).isEqualTo(1);
		Task.ParameterComponent last = inProgress.getInput().get(inProgress.getInput().size() - 1);
		assertThat(last.getType().getCodingFirstRep().getCode()).isEqualTo(BpmnMessage.BUSINESS_KEY);
		String businessKey = ((StringType) last.getValue()).getValue();
		assertThat(java.util.UUID.fromString(businessKey)).isNotNull();
		BpeFhirFixture.await("delegate", TIMEOUT, () -> TestDelegate.executions.get() > before);

		String pongId = send(task(Processes.INSTANTIATES_CANONICAL, "pong", businessKey, null));

		Task completed = awaitStatus(startId, TaskStatus.COMPLETED);
		assertThat(completed.getMeta().getVersionId()).isEqualTo("3");
		assertThat(errors(completed)).isEmpty();
		assertThat(history(startId)).containsExactly(TaskStatus.REQUESTED, TaskStatus.INPROGRESS,
				TaskStatus.COMPLETED);

		Task pong = awaitStatus(pongId, TaskStatus.COMPLETED);
		assertThat(pong.getMeta().getVersionId()).isEqualTo("3");
		assertThat(businessKeyInputs(pong)).as("reply keeps its one business key").isEqualTo(1);
		assertThat(pong.getInput()).hasSize(2);
		assertThat(errors(pong)).isEmpty();
		assertThat(engine.runningInstances(engine.activeProcessDefinition("dsftest_ping", "1.0").orElseThrow().getId(),
				businessKey)).isEmpty();
	}

	@Test
	void taskCreatedBeforeTheConnectionIsPickedUpByTheCatchUpSearch() throws Exception
	{
		Task task = awaitStatus(caughtUpTaskId, TaskStatus.INPROGRESS);
		assertThat(task.getMeta().getVersionId()).isEqualTo("2");
		assertThat(businessKeyInputs(task)).isEqualTo(1);
	}

	@Test
	void taskForAProcessNotDeployedFailsWithProcessNotFound() throws Exception
	{
		String id = send(task(UNKNOWN_PROCESS_URL + "|1.0", "startPing", null, null));

		Task failed = awaitStatus(id, TaskStatus.FAILED);
		assertThat(errors(failed)).containsExactly("Process not found");
		assertThat(failed.getMeta().getVersionId()).isEqualTo("2");
		assertThat(businessKeyInputs(failed)).isEqualTo(1);
	}

	@Test
	void replyWithoutRunningInstanceFailsAsUnknownStartMessage() throws Exception
	{
		String id = send(task(Processes.INSTANTIATES_CANONICAL, "pong", null, null));

		Task failed = awaitStatus(id, TaskStatus.FAILED);
		assertThat(errors(failed)).containsExactly("Process with start message-name 'pong' not found");
	}

	@Test
	void replyThatMatchesNoWaitingExecutionFailsWithUnableToCorrelate() throws Exception
	{
		String startId = send(task(Processes.INSTANTIATES_CANONICAL, "startPing", null, null));
		Task inProgress = awaitStatus(startId, TaskStatus.INPROGRESS);
		String businessKey = BpmnMessage.input(inProgress, BpmnMessage.BUSINESS_KEY).orElseThrow();
		BpeFhirFixture.await("waiting at pong", TIMEOUT,
				() -> !engine.processEngine().getRuntimeService().createExecutionQuery().activityId("waitPong")
						.processInstanceBusinessKey(businessKey).list().isEmpty());

		String replyId = send(task(Processes.INSTANTIATES_CANONICAL, "pong", businessKey, "no-such-key"));

		Task failed = awaitStatus(replyId, TaskStatus.FAILED);
		assertThat(errors(failed)).containsExactly("Unable to correlate Task");
		assertThat(history(replyId)).containsExactly(TaskStatus.REQUESTED, TaskStatus.INPROGRESS,
				TaskStatus.FAILED);
		assertThat(read(startId).getStatus()).isEqualTo(TaskStatus.INPROGRESS);
	}

	@Test
	void completedQuestionnaireResponseCompletesTheUserTask()
	{
		var instance = engine.startByMessage("startUser", "bk-user", java.util.Map.of());
		var userTask = engine.processEngine().getTaskService().createTaskQuery()
				.processInstanceId(instance.getId()).singleResult();

		org.hl7.fhir.r4.model.QuestionnaireResponse response = new org.hl7.fhir.r4.model.QuestionnaireResponse()
				.setStatus(org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		response.addItem().setLinkId(QuestionnaireResponseHandler.BUSINESS_KEY).addAnswer()
				.setValue(new StringType("bk-user"));
		response.addItem().setLinkId(QuestionnaireResponseHandler.USER_TASK_ID).addAnswer()
				.setValue(new StringType(userTask.getId()));
		new QuestionnaireResponseHandler(engine, QuestionnaireResponseHandler.JSON_STRING).accept(response);

		assertThat(engine.runningInstances()).noneMatch(i -> i.getId().equals(instance.getId()));
		assertThat(engine.processEngine().getHistoryService().createHistoricVariableInstanceQuery()
				.processInstanceId(instance.getId())
				.variableName(QuestionnaireResponseHandler.QUESTIONNAIRE_RESPONSE_VARIABLE).count()).isEqualTo(1);
	}
}
