package org.dsftestbed.bpe.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.dsftestbed.bpe.fhir.BpeFhirFixture;
import org.dsftestbed.client.OrgClient;
import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.runtime.embedded.EmbeddedNetwork;
import org.dsftestbed.runtime.embedded.TestNetworks;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DSF's error semantics across organizations, as its API classes produce them in the testbed (spec §5.7, §5.8): a
 * service task's exception fails the start Task and deletes the instance, a BpmnError takes the boundary event; a send
 * the recipient refuses or cannot receive (offline) fails the sender's Tasks, deleting the instance for throw events
 * and not for end events; a multi-instance send drops the failed target and goes on. And user tasks (§5.10): DSF's
 * default listener creates the QuestionnaireResponse, a completed answer continues the process, one for no waiting
 * user task continues nothing.
 * <p>
 * Network: A = dic.dsf.test sends to B = hrp.dsf.test (target) and to B and C = cos.dsf.test (targets).
 */
class FailurePathsTest
{
	private static final String A = "dic.dsf.test";
	private static final String B = "hrp.dsf.test";
	private static final String C = "cos.dsf.test";
	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final String HELLO = FailurePlugin.process("hello");

	private static final String NETWORK = """
			name: failure-test
			parents:
			  - identifier: medizininformatik-initiative.de
			organizations:
			  - identifier: dic.dsf.test
			    roles: {medizininformatik-initiative.de: [DIC]}
			    environment:
			      DEV_DSF_TESTBED_FAILURE_TARGET: hrp.dsf.test
			      DEV_DSF_TESTBED_FAILURE_TARGETS: hrp.dsf.test,cos.dsf.test
			  - identifier: hrp.dsf.test
			    roles: {medizininformatik-initiative.de: [HRP]}
			  - identifier: cos.dsf.test
			    roles: {medizininformatik-initiative.de: [COS]}
			""";

	private static EmbeddedNetwork network;
	private static OrgClient a;

	@BeforeAll
	static void boot()
	{
		network = TestNetworks.boot("failure-test", NETWORK, TestNetworks.failurePlugin());
		a = OrgClient.of(network.organization(A));
	}

	@AfterAll
	static void close()
	{
		if (a != null)
			a.close();
		if (network != null)
			network.close();
	}

	/** {@link #run} while the organization is offline; it comes back online whatever happens. */
	private static Run runWhileOffline(String organization, String process, TaskStatus expected)
	{
		network.faults().takeOffline(organization);
		try
		{
			return run(process, expected);
		}
		finally
		{
			network.faults().bringOnline(organization);
		}
	}

	/** A process run at A: its start Task's versions, business key and Camunda history. */
	private record Run(String taskId, List<Task> history, String businessKey, HistoricProcessInstance instance)
	{
		Task last()
		{
			return history.get(history.size() - 1);
		}
	}

	/** Starts the process at A and waits for its start Task to reach the status. */
	private static Run run(String process, TaskStatus expected)
	{
		String id = a.startProcess(FailurePlugin.process(process), List.of()).getIdElement().getIdPart();
		a.awaitStatus(id, expected, TIMEOUT);
		List<Task> history = a.history(id);
		String businessKey = OrgClient.stringInput(history.get(1), OrgClient.BPMN_MESSAGE_SYSTEM, "business-key")
				.orElseThrow();
		return new Run(id, history, businessKey, awaitEnded(businessKey));
	}

	/**
	 * The ended process instance with the business key. DSF's end listener writes the completed start Task before the
	 * engine commits the instance's end, so a test that has seen the Task may still have to wait for the engine.
	 */
	private static HistoricProcessInstance awaitEnded(String businessKey)
	{
		return awaitEngine("process instance " + businessKey + " ended",
				() -> engine(A).getHistoryService().createHistoricProcessInstanceQuery()
						.processInstanceBusinessKey(businessKey).singleResult(),
				instance -> instance.getEndTime() != null);
	}

	/**
	 * The waiting user task of the instance with the business key. DSF's create listener posts the
	 * QuestionnaireResponse inside the engine's transaction, so a client can see it before the user task is committed.
	 */
	private static org.camunda.bpm.engine.task.Task awaitUserTask(String businessKey)
	{
		return awaitEngine("user task of " + businessKey,
				() -> engine(A).getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
						.singleResult(),
				task -> true);
	}

	private static <T> T awaitEngine(String what, Supplier<T> query, Predicate<T> done)
	{
		AtomicReference<T> found = new AtomicReference<>();
		try
		{
			BpeFhirFixture.await(what, TIMEOUT, () ->
			{
				found.set(query.get());
				return found.get() != null && done.test(found.get());
			});
		}
		catch (InterruptedException e)
		{
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		return found.get();
	}

	/** Deleted by DSF's error handling (not ended through an end event), with the exception's message as reason. */
	private static void assertDeleted(Run run, String reason)
	{
		assertThat(run.instance().getState()).isEqualTo(HistoricProcessInstance.STATE_INTERNALLY_TERMINATED);
		assertThat(run.instance().getDeleteReason()).isEqualTo(reason);
	}

	private static ProcessEngine engine(String organization)
	{
		return network.organization(organization).bpe().engine().processEngine();
	}

	private static String definitionId(String process)
	{
		return network.organization(A).bpe().engine().activeProcessDefinition("dsfdev_" + process, "1.0")
				.orElseThrow().getId();
	}

	private static HistoricActivityInstance activity(Run run, String activityId)
	{
		return engine(A).getHistoryService().createHistoricActivityInstanceQuery()
				.processInstanceId(run.instance().getId()).activityId(activityId).singleResult();
	}

	private static List<Task> tasksWithBusinessKey(String organization, String businessKey)
	{
		try (OrgClient client = OrgClient.of(network.organization(organization)))
		{
			return client.tasksWithBusinessKey(businessKey);
		}
	}

	private static String endpointIdentifier(String organization)
	{
		return network.organization(organization).definition().endpointIdentifier();
	}

	private static String sendFailedPrefix(String process, String recipient, String businessKey)
	{
		return "Task " + process + " send failed [recipient: " + recipient + ", endpoint: "
				+ endpointIdentifier(recipient) + ", businessKey: " + businessKey + ", message: hello, error: ";
	}

	@Test
	void everyOrganizationLoadsThePluginWithAllItsProcesses()
	{
		for (String organization : List.of(A, B, C))
		{
			var report = network.organization(organization).bpe().report();
			assertThat(report.rejected()).as(report.toString()).isEmpty();
			assertThat(report.loaded()).singleElement().satisfies(
					p -> assertThat(p.processIds()).hasSameSizeAs(FailurePlugin.PROCESSES));
		}
	}

	@Test
	void anExceptionInAServiceTaskFailsTheStartTaskWithDsfsTextAndDeletesTheInstance()
	{
		Run run = run("serviceException", TaskStatus.FAILED);

		assertThat(run.history()).extracting(Task::getStatus).containsExactly(TaskStatus.REQUESTED,
				TaskStatus.INPROGRESS, TaskStatus.FAILED);
		String step = activity(run, "Fail").getId();
		assertThat(OrgClient.errors(run.last())).containsExactly("Process " + definitionId("serviceException")
				+ " has fatal error in step " + step + ", reason: " + ThrowException.MESSAGE);
		assertDeleted(run, ThrowException.MESSAGE);
		assertThat(activity(run, "End")).as("end event reached").isNull();
	}

	@Test
	void aBpmnErrorTakesTheBoundaryEventAndTheStartTaskCompletes()
	{
		Run run = run("serviceBpmnError", TaskStatus.COMPLETED);

		assertThat(OrgClient.errors(run.last())).isEmpty();
		assertThat(OrgClient.outputs(run.last(), FailurePlugin.CODE_SYSTEM, FailurePlugin.BPMN_ERROR_HANDLED))
				.singleElement().satisfies(o -> assertThat(o.getValue().primitiveValue())
						.isEqualTo(ThrowBpmnError.ERROR_CODE));
		assertThat(activity(run, "ErrorEnd")).isNotNull();
		assertThat(activity(run, "End")).isNull();
		assertThat(run.instance().getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
	}

	@Test
	void aTaskSentFromAThrowEventReachesTheRecipientAndTheStartTaskCompletes()
	{
		Run run = run("throwEvent", TaskStatus.COMPLETED);

		assertThat(OrgClient.errors(run.last())).isEmpty();
		assertThat(tasksWithBusinessKey(B, run.businessKey())).singleElement().satisfies(hello ->
		{
			assertThat(hello.getInstantiatesCanonical()).isEqualTo(HELLO);
			assertThat(hello.getRequester().getIdentifier().getValue()).isEqualTo(A);
		});
	}

	@Test
	void aTaskTheRecipientRefusesFailsTheStartTaskAndDeletesTheInstanceAndTheRecipientStoresNothing()
	{
		Run run = run("throwEventUnknownProcess", TaskStatus.FAILED);

		assertThat(run.history()).extracting(Task::getStatus).containsExactly(TaskStatus.REQUESTED,
				TaskStatus.INPROGRESS, TaskStatus.FAILED);
		assertThat(OrgClient.errors(run.last())).singleElement().asString()
				.startsWith(sendFailedPrefix(FailurePlugin.process("notDeployed"), B, run.businessKey())
						+ "jakarta.ws.rs.WebApplicationException - ")
				.contains("FORBIDDEN").endsWith("]");
		assertThat(run.instance().getState()).isEqualTo(HistoricProcessInstance.STATE_INTERNALLY_TERMINATED);
		assertThat(tasksWithBusinessKey(B, run.businessKey())).isEmpty();
	}

	@Test
	void aTaskToAnOfflineRecipientFailsTheStartTaskWithTheConnectionErrorAndDeletesTheInstance()
	{
		Run run = runWhileOffline(B, "throwEvent", TaskStatus.FAILED);

		assertThat(OrgClient.errors(run.last())).singleElement().asString()
				.startsWith(sendFailedPrefix(HELLO, B, run.businessKey()) + "jakarta.ws.rs.ProcessingException - ")
				.contains("ConnectException").endsWith("]");
		assertThat(run.instance().getState()).isEqualTo(HistoricProcessInstance.STATE_INTERNALLY_TERMINATED);
		assertThat(tasksWithBusinessKey(B, run.businessKey())).isEmpty();
	}

	@Test
	void aFailedSendFromAnEndEventFailsTheStartTaskButTheInstanceEndsNormally()
	{
		Run run = runWhileOffline(B, "endEventSend", TaskStatus.FAILED);

		// failed once, not completed afterwards by the end event's listener
		assertThat(run.history()).extracting(Task::getStatus).containsExactly(TaskStatus.REQUESTED,
				TaskStatus.INPROGRESS, TaskStatus.FAILED);
		assertThat(OrgClient.errors(run.last())).singleElement().asString()
				.startsWith(sendFailedPrefix(HELLO, B, run.businessKey()) + "jakarta.ws.rs.ProcessingException - ");
		assertThat(run.instance().getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
		assertThat(activity(run, "SendHello").getEndTime()).isNotNull();
	}

	@Test
	void aMultiInstanceSendDropsTheOfflineTargetAddsAnErrorAndCompletesWithTheOthers()
	{
		Run run = runWhileOffline(C, "multiSend", TaskStatus.COMPLETED);

		Task completed = run.last();
		assertThat(OrgClient.outputs(completed, FailurePlugin.CODE_SYSTEM, FailurePlugin.REMAINING_TARGET))
				.extracting(o -> o.getValue().primitiveValue()).containsExactly(B);
		assertThat(OrgClient.errors(completed)).singleElement().asString()
				.startsWith(sendFailedPrefix(HELLO, C, run.businessKey()) + "jakarta.ws.rs.ProcessingException - ");
		assertThat(run.instance().getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
		assertThat(tasksWithBusinessKey(B, run.businessKey())).hasSize(1);
		assertThat(tasksWithBusinessKey(C, run.businessKey())).isEmpty();
	}

	@Test
	void aUserTaskGetsDsfsDefaultQuestionnaireResponseAndItsAnswerContinuesTheProcess()
	{
		UserTaskRun run = startUserTask();
		String id = run.taskId();
		String businessKey = run.businessKey();
		QuestionnaireResponse pending = run.pending();
		String userTaskId = awaitUserTask(businessKey).getId();
		assertThat(pending.getStatus()).isEqualTo(QuestionnaireResponseStatus.INPROGRESS);
		assertThat(pending.getQuestionnaire()).isEqualTo(FailurePlugin.QUESTIONNAIRE);
		assertThat(pending.getAuthor().getIdentifier().getSystem())
				.isEqualTo(AllowListBundle.ORGANIZATION_IDENTIFIER_SYSTEM);
		assertThat(pending.getAuthor().getIdentifier().getValue()).isEqualTo(A);
		assertThat(pending.getItem()).extracting(QuestionnaireResponseItemComponent::getLinkId)
				.containsExactly("business-key", "user-task-id", "explanation", "approved", "comment");
		assertThat(OrgClient.itemAnswer(pending, "user-task-id")).isEqualTo(userTaskId);
		assertThat(pending.getItem().get(2).getAnswer()).as("display item").isEmpty();
		assertThat(OrgClient.itemAnswer(pending, "approved")).isEqualTo("false");
		assertThat(OrgClient.itemAnswer(pending, "comment")).isEqualTo("Placeholder..");
		assertThat(a.read(id).getStatus()).as("start Task while the user task waits").isEqualTo(TaskStatus.INPROGRESS);

		a.answerUserTask(pending, Map.of("approved", new BooleanType(true), "comment", new StringType("fine")));

		Task completed = a.awaitStatus(id, TaskStatus.COMPLETED, TIMEOUT);
		assertThat(OrgClient.outputs(completed, FailurePlugin.CODE_SYSTEM, FailurePlugin.ANSWER))
				.extracting(o -> o.getValue().primitiveValue()).containsExactly("true");
		assertThat(awaitEnded(businessKey).getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
		assertThat(engine(A).getTaskService().createTaskQuery().taskId(userTaskId).singleResult()).isNull();
	}

	/**
	 * DSF's server lets no update change a response's user-task-id, but the local organization may create a
	 * response in-progress naming any user task and complete it: one naming a user task that has already been
	 * completed, one naming a user task the engine never had. The BPE logs and ignores both.
	 */
	@Test
	void aCompletedResponseForNoWaitingUserTaskContinuesNothing()
	{
		UserTaskRun waiting = startUserTask();
		UserTaskRun answered = startUserTask();
		a.answerUserTask(answered.pending(), Map.of("approved", new BooleanType(true)));
		a.awaitStatus(answered.taskId(), TaskStatus.COMPLETED, TIMEOUT);
		awaitEnded(answered.businessKey());

		for (String userTaskId : List.of(answered.userTaskId(), "no-such-user-task"))
		{
			QuestionnaireResponse forged = waiting.pending().copy();
			forged.setId((String) null);
			forged.getItem().stream().filter(i -> "user-task-id".equals(i.getLinkId())).findFirst().orElseThrow()
					.getAnswerFirstRep().setValue(new StringType(userTaskId));
			QuestionnaireResponse created = (QuestionnaireResponse) a.fhir().create().resource(forged).execute()
					.getResource();
			a.answerUserTask(created, Map.of("approved", new BooleanType(true)));
		}

		// the BPE handles QuestionnaireResponses one at a time in the order the server notifies them: once a later
		// answer has continued its process, the two before it have been handled
		UserTaskRun later = startUserTask();
		a.answerUserTask(later.pending(), Map.of("approved", new BooleanType(false)));
		Task laterCompleted = a.awaitStatus(later.taskId(), TaskStatus.COMPLETED, TIMEOUT);
		assertThat(OrgClient.outputs(laterCompleted, FailurePlugin.CODE_SYSTEM, FailurePlugin.ANSWER))
				.extracting(o -> o.getValue().primitiveValue()).containsExactly("false");

		assertThat(a.read(waiting.taskId()).getStatus()).isEqualTo(TaskStatus.INPROGRESS);
		assertThat(engine(A).getTaskService().createTaskQuery().taskId(waiting.userTaskId()).singleResult())
				.as("user task still waiting").isNotNull();

		// and its own response still continues it
		a.answerUserTask(waiting.pending(), Map.of("approved", new BooleanType(true)));
		a.awaitStatus(waiting.taskId(), TaskStatus.COMPLETED, TIMEOUT);
	}

	private record UserTaskRun(String taskId, String businessKey, QuestionnaireResponse pending, String userTaskId)
	{
	}

	private static UserTaskRun startUserTask()
	{
		String id = a.startProcess(FailurePlugin.process("userTask"), List.of()).getIdElement().getIdPart();
		String businessKey = OrgClient.stringInput(a.awaitStatus(id, TaskStatus.INPROGRESS, TIMEOUT),
				OrgClient.BPMN_MESSAGE_SYSTEM, "business-key").orElseThrow();
		QuestionnaireResponse pending = a.awaitPendingUserTask(businessKey, TIMEOUT);
		// answering before the engine has committed the user task would (as in DSF) continue nothing
		awaitUserTask(businessKey);
		return new UserTaskRun(id, businessKey, pending, OrgClient.itemAnswer(pending, "user-task-id"));
	}
}
