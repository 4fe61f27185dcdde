package org.dsftestbed.bpe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.dsftestbed.time.NetworkClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Async continuations, retries and incidents run by the network's shared job executor, as Camunda runs them. */
class JobExecutionTest
{
	private static final Duration WITHIN = Duration.ofSeconds(10);

	public static class RecordThread implements JavaDelegate
	{
		@Override
		public void execute(DelegateExecution execution)
		{
			execution.setVariable("thread", Thread.currentThread().getName());
		}
	}

	public static class AlwaysFails implements JavaDelegate
	{
		static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

		@Override
		public void execute(DelegateExecution execution)
		{
			attempts.computeIfAbsent(execution.getBusinessKey(), k -> new AtomicInteger()).incrementAndGet();
			throw new IllegalStateException("service unavailable");
		}

		static int attempts(String businessKey)
		{
			AtomicInteger count = attempts.get(businessKey);
			return count == null ? 0 : count.get();
		}
	}

	private NetworkClock clock;
	private NetworkEngines engines;

	@BeforeEach
	void start()
	{
		clock = new NetworkClock();
		engines = NetworkEngines.create("job-test", clock);
	}

	@AfterEach
	void close()
	{
		engines.close();
	}

	private static BpmnModelInstance async()
	{
		return Models.process("dsfdev_async").startEvent().message("startAsync").serviceTask("work")
				.camundaAsyncBefore().camundaClass(RecordThread.class).endEvent("end").done();
	}

	private static BpmnModelInstance failing(String retryTimeCycle)
	{
		var task = Models.process("dsfdev_failing").startEvent().message("startFailing").serviceTask("fail")
				.camundaAsyncBefore().camundaClass(AlwaysFails.class);
		if (retryTimeCycle != null)
			task = task.camundaFailedJobRetryTimeCycle(retryTimeCycle);
		return task.endEvent().done();
	}

	@Test
	void asyncContinuationRunsOnTheJobExecutorOnceStarted()
	{
		OrganizationEngine engine = engines.create(EngineOptions.forOrganization("dic.dsf.test"));
		engine.deploy("async.bpmn", async());

		ProcessInstance instance = engine.startByMessage("startAsync", "bk-async", Map.of());

		// DSF deploys, then starts the job executor: until then the job waits
		assertThat(instance.isEnded()).isFalse();
		assertThat(engine.processEngine().getManagementService().createJobQuery().processInstanceId(instance.getId())
				.singleResult().getRetries()).isEqualTo(3);

		engine.startJobExecution();
		Poll.until("async continuation ran", WITHIN, () -> engine.runningInstances().isEmpty());

		Object thread = engine.processEngine().getHistoryService().createHistoricVariableInstanceQuery()
				.processInstanceId(instance.getId()).variableName("thread").singleResult().getValue();
		assertThat((String) thread).startsWith(engines.threadNamePrefix());
	}

	@Test
	void oneExecutorRunsTheJobsOfEveryEngine()
	{
		List<OrganizationEngine> organizations = new ArrayList<>();
		for (String organization : List.of("dic1.dsf.test", "dic2.dsf.test", "dic3.dsf.test"))
		{
			OrganizationEngine engine = engines.create(EngineOptions.forOrganization(organization));
			engine.deploy("async.bpmn", async());
			engine.startJobExecution();
			organizations.add(engine);
		}

		for (OrganizationEngine engine : organizations)
			for (int i = 0; i < 5; i++)
				engine.startByMessage("startAsync", "bk-" + i, Map.of());

		Poll.until("all 15 instances done", WITHIN,
				() -> organizations.stream().allMatch(e -> e.runningInstances().isEmpty()));
		for (OrganizationEngine engine : organizations)
			assertThat(engine.processEngine().getHistoryService().createHistoricProcessInstanceQuery().finished()
					.count()).isEqualTo(5);
	}

	@Test
	void failingJobBecomesAnIncidentAfterThreeAttempts()
	{
		OrganizationEngine engine = engines.create(EngineOptions.forOrganization("dic.dsf.test"));
		engine.deploy("failing.bpmn", failing(null));
		engine.startJobExecution();

		ProcessInstance instance = engine.startByMessage("startFailing", "bk-default-retries", Map.of());

		Incident incident = awaitIncident(engine, instance);
		assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
		assertThat(incident.getIncidentMessage()).isEqualTo("service unavailable");
		assertThat(AlwaysFails.attempts("bk-default-retries")).isEqualTo(3);
		assertThat(job(engine, instance).getRetries()).isZero();
		assertThat(engine.runningInstances()).hasSize(1);
	}

	@Test
	void retryTimeCycleWaitsForSimulatedTime()
	{
		OrganizationEngine engine = engines.create(EngineOptions.forOrganization("dic.dsf.test"));
		engine.deploy("failing.bpmn", failing("R3/PT5M"));
		engine.startJobExecution();

		ProcessInstance instance = engine.startByMessage("startFailing", "bk-cycle", Map.of());
		Poll.until("first attempt", WITHIN, () -> AlwaysFails.attempts("bk-cycle") == 1);
		Poll.until("retry scheduled", WITHIN, () -> job(engine, instance).getRetries() == 2);

		advanceAndLetAcquisitionLook(Duration.ofMinutes(4));
		assertThat(AlwaysFails.attempts("bk-cycle")).as("no retry before 5 minutes").isEqualTo(1);

		clock.advance(Duration.ofMinutes(1));
		Poll.until("second attempt", WITHIN, () -> job(engine, instance).getRetries() == 1);
		assertThat(AlwaysFails.attempts("bk-cycle")).isEqualTo(2);

		clock.advance(Duration.ofMinutes(5));
		Incident incident = awaitIncident(engine, instance);

		// R3: three attempts in all, the last one leaves an incident
		assertThat(AlwaysFails.attempts("bk-cycle")).isEqualTo(3);
		assertThat(incident.getIncidentMessage()).isEqualTo("service unavailable");
	}

	private void advanceAndLetAcquisitionLook(Duration amount)
	{
		long rounds = engines.jobExecutor().acquisitionRounds();
		clock.advance(amount);
		Poll.until("job acquisition looked at the new time", WITHIN,
				() -> engines.jobExecutor().acquisitionRounds() >= rounds + 2);
	}

	private static Job job(OrganizationEngine engine, ProcessInstance instance)
	{
		return engine.processEngine().getManagementService().createJobQuery().processInstanceId(instance.getId())
				.singleResult();
	}

	private static Incident awaitIncident(OrganizationEngine engine, ProcessInstance instance)
	{
		var incidents = engine.processEngine().getRuntimeService().createIncidentQuery()
				.processInstanceId(instance.getId());
		Poll.until("incident", WITHIN, () -> incidents.count() > 0);
		return incidents.singleResult();
	}
}
