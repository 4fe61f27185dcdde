package org.dsftestbed.bpe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dsftestbed.time.NetworkClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timers fire when the network clock is advanced, not before and without waiting in real time. Job acquisition here
 * pauses a full minute when idle, so a timer that fires within seconds of an advance shows that the advance woke it.
 */
class TimerTest
{
	private static final Duration FIRES_WITHIN = Duration.ofSeconds(10);

	private NetworkClock clock;
	private NetworkEngines engines;
	private OrganizationEngine engine;

	@BeforeEach
	void start()
	{
		clock = new NetworkClock();
		engines = NetworkEngines.create("timer-test", clock, JobExecutorSettings.defaults()
				.withIdleWait(Duration.ofSeconds(60), Duration.ofSeconds(60)));
		engine = engines.create(EngineOptions.forOrganization("dic.dsf.test"));
		engine.deploy("wait.bpmn", Models.fiveMinuteWait());
		engine.deploy("deadline.bpmn", Models.replyWithDeadline());
		engine.startJobExecution();
	}

	@AfterEach
	void close()
	{
		engines.close();
	}

	@Test
	void camundaSeesTheNetworksTime()
	{
		clock.advance(Duration.ofHours(3));

		assertThat(ClockUtil.getCurrentTime().getTime()).isCloseTo(clock.millis(),
				org.assertj.core.data.Offset.offset(1_000L));
	}

	@Test
	void fiveMinuteTimerFiresAfterFiveSimulatedMinutesOnly()
	{
		ProcessInstance instance = engine.startByMessage("startWait", "bk-wait", Map.of());
		Job timer = timerOf(instance);
		assertThat(timer.getDuedate()).isCloseTo(new Date(clock.millis() + Duration.ofMinutes(5).toMillis()), 1_000);

		advanceAndLetAcquisitionLook(Duration.ofMinutes(4));

		assertThat(isRunning(instance)).as("waiting after 4 of 5 minutes").isTrue();
		assertThat(engine.processEngine().getManagementService().createJobQuery().executable().count()).isZero();

		clock.advance(Duration.ofMinutes(1));
		Duration latency = Poll.until("timer fired", FIRES_WITHIN, () -> !isRunning(instance));

		assertThat(endActivity(instance)).isEqualTo("waited");
		System.out.println("PT5M timer fired " + latency.toMillis() + " ms (real time) after the clock advanced");
	}

	@Test
	void deadlineFiresAfterFortyFiveMinutesUnlessTheMessageArrivesFirst()
	{
		ProcessInstance late = engine.startByMessage("startDeadline", "bk-late", Map.of());
		ProcessInstance onTime = engine.startByMessage("startDeadline", "bk-on-time", Map.of());

		advanceAndLetAcquisitionLook(Duration.ofMinutes(44));
		assertThat(isRunning(late)).isTrue();
		assertThat(isRunning(onTime)).isTrue();

		engine.correlate("reply", "bk-on-time", null, Map.of());
		assertThat(endActivity(onTime)).isEqualTo("replied");
		assertThat(engine.processEngine().getManagementService().createJobQuery().processInstanceId(onTime.getId())
				.count()).as("the reply cancels the deadline").isZero();

		clock.advance(Duration.ofMinutes(1));
		Poll.until("deadline fired", FIRES_WITHIN, () -> !isRunning(late));

		assertThat(endActivity(late)).isEqualTo("timedOut");
		assertThat(engine.processEngine().getHistoryService().createHistoricActivityInstanceQuery()
				.processInstanceId(onTime.getId()).activityId("timedOut").count()).isZero();
	}

	@Test
	void oneAdvanceFiresTheDueTimersOfEveryEngine()
	{
		OrganizationEngine other = engines.create(EngineOptions.forOrganization("cos.dsf.test"));
		other.deploy("wait.bpmn", Models.fiveMinuteWait());
		other.startJobExecution();
		ProcessInstance here = engine.startByMessage("startWait", "bk-1", Map.of());
		ProcessInstance there = other.startByMessage("startWait", "bk-2", Map.of());

		clock.advance(Duration.ofMinutes(5));

		Poll.until("both timers fired", FIRES_WITHIN,
				() -> !isRunning(here) && other.runningInstances().stream().noneMatch(i -> i.getId().equals(there.getId())));
	}

	/** Advances, then waits until an acquisition round that began after the advance has completed. */
	private void advanceAndLetAcquisitionLook(Duration amount)
	{
		long rounds = engines.jobExecutor().acquisitionRounds();
		clock.advance(amount);
		Poll.until("job acquisition looked at the new time", FIRES_WITHIN,
				() -> engines.jobExecutor().acquisitionRounds() >= rounds + 2);
	}

	private Job timerOf(ProcessInstance instance)
	{
		return engine.processEngine().getManagementService().createJobQuery().processInstanceId(instance.getId())
				.timers().singleResult();
	}

	private boolean isRunning(ProcessInstance instance)
	{
		return engine.processEngine().getRuntimeService().createProcessInstanceQuery()
				.processInstanceId(instance.getId()).count() > 0;
	}

	private String endActivity(ProcessInstance instance)
	{
		return engine.processEngine().getHistoryService().createHistoricProcessInstanceQuery()
				.processInstanceId(instance.getId()).singleResult().getEndActivityId();
	}
}
