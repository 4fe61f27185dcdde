package org.dsftestbed.bpe.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.dsftestbed.time.NetworkClock;
import org.junit.jupiter.api.Test;

/** Lifecycle of a network's engines: threads, databases, the JVM-wide Camunda clock. */
class NetworkEnginesTest
{
	private static final Duration WITHIN = Duration.ofSeconds(10);

	public static class Blocking implements JavaDelegate
	{
		static volatile CountDownLatch started = new CountDownLatch(1);
		static volatile CountDownLatch release = new CountDownLatch(1);

		@Override
		public void execute(DelegateExecution execution) throws Exception
		{
			started.countDown();
			if (!release.await(30, TimeUnit.SECONDS))
				throw new IllegalStateException("not released");
		}
	}

	private static BpmnModelInstance async(Class<? extends JavaDelegate> delegate)
	{
		return Models.process("dsfdev_async").startEvent().message("startAsync").serviceTask("work")
				.camundaAsyncBefore().camundaClass(delegate).endEvent().done();
	}

	private static List<Thread> threadsOf(NetworkEngines engines)
	{
		return Thread.getAllStackTraces().keySet().stream()
				.filter(t -> t.isAlive() && t.getName().startsWith(engines.threadNamePrefix())).toList();
	}

	private static boolean databaseExists(OrganizationEngine engine)
	{
		try (var connection = new org.h2.Driver().connect(engine.jdbcUrl() + ";IFEXISTS=TRUE",
				OrganizationEngine.credentials()))
		{
			return connection != null;
		}
		catch (SQLException e)
		{
			return false;
		}
	}

	@Test
	void closeStopsEveryThreadAndDropsEveryDatabase()
	{
		NetworkEngines engines = NetworkEngines.create("close-test", new NetworkClock());
		OrganizationEngine dic = engines.create(EngineOptions.forOrganization("dic.dsf.test"));
		OrganizationEngine cos = engines.create(EngineOptions.forOrganization("cos.dsf.test"));
		assertThat(threadsOf(engines)).as("no threads before job execution starts").isEmpty();

		for (OrganizationEngine engine : List.of(dic, cos))
		{
			engine.deploy("async.bpmn", async(JobExecutionTest.RecordThread.class));
			engine.startJobExecution();
			engine.startByMessage("startAsync", "bk", Map.of());
		}
		Poll.until("jobs done", WITHIN, () -> dic.runningInstances().isEmpty() && cos.runningInstances().isEmpty());
		assertThat(threadsOf(engines)).extracting(Thread::getName)
				.contains(engines.threadNamePrefix() + "-acquisition");
		assertThat(databaseExists(dic)).isTrue();

		engines.close();

		Poll.until("threads gone", WITHIN, () -> threadsOf(engines).isEmpty());
		assertThat(databaseExists(dic)).isFalse();
		assertThat(databaseExists(cos)).isFalse();
		assertThat(dic.isClosed()).isTrue();
		assertThat(engines.engines()).isEmpty();
		assertThatThrownBy(() -> engines.create(EngineOptions.forOrganization("hrp.dsf.test")))
				.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void closingOneEngineLeavesTheOthersRunning()
	{
		try (NetworkEngines engines = NetworkEngines.create("close-one-test", new NetworkClock()))
		{
			OrganizationEngine dic = engines.create(EngineOptions.forOrganization("dic.dsf.test"));
			OrganizationEngine cos = engines.create(EngineOptions.forOrganization("cos.dsf.test"));
			dic.startJobExecution();
			cos.startJobExecution();

			dic.close();

			assertThat(databaseExists(dic)).isFalse();
			assertThat(engines.engine("dic.dsf.test")).isEmpty();
			assertThat(engines.engines()).containsExactly(cos);
			assertThatThrownBy(dic::runningInstances).isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("dic.dsf.test");

			cos.deploy("async.bpmn", async(JobExecutionTest.RecordThread.class));
			cos.startByMessage("startAsync", "bk", Map.of());
			Poll.until("job of the remaining engine done", WITHIN, () -> cos.runningInstances().isEmpty());

			// the organization may come back with a fresh engine
			OrganizationEngine again = engines.create(EngineOptions.forOrganization("dic.dsf.test"));
			assertThat(again.processDefinitions("dsfdev_async", Models.VERSION)).isEmpty();
		}
	}

	@Test
	void closingAnEngineWaitsForItsRunningJob() throws Exception
	{
		Blocking.started = new CountDownLatch(1);
		Blocking.release = new CountDownLatch(1);
		try (NetworkEngines engines = NetworkEngines.create("drain-test", new NetworkClock()))
		{
			OrganizationEngine dic = engines.create(EngineOptions.forOrganization("dic.dsf.test"));
			dic.deploy("blocking.bpmn", async(Blocking.class));
			dic.startJobExecution();
			dic.startByMessage("startAsync", "bk", Map.of());
			assertThat(Blocking.started.await(10, TimeUnit.SECONDS)).isTrue();

			Thread closer = new Thread(dic::close, "closer");
			closer.start();
			closer.join(300);
			assertThat(closer.isAlive()).as("close waits for the running job").isTrue();
			assertThat(databaseExists(dic)).isTrue();

			Blocking.release.countDown();
			closer.join(10_000);

			assertThat(closer.isAlive()).isFalse();
			assertThat(databaseExists(dic)).isFalse();
		}
		finally
		{
			Blocking.release.countDown();
		}
	}

	@Test
	void enginesOfSeveralOrganizationsBuildInParallel() throws Exception
	{
		try (NetworkEngines engines = NetworkEngines.create("parallel-test", new NetworkClock()))
		{
			List<String> organizations = List.of("dic1.dsf.test", "dic2.dsf.test", "dic3.dsf.test", "hrp.dsf.test");
			var pool = java.util.concurrent.Executors.newFixedThreadPool(organizations.size());
			try
			{
				var futures = organizations.stream()
						.map(o -> pool.submit(() -> engines.create(EngineOptions.forOrganization(o)))).toList();
				for (var future : futures)
				{
					OrganizationEngine engine = future.get(60, TimeUnit.SECONDS);
					engine.deploy("simple.bpmn", Models.simple("dsfdev_simple", "startSimple"));
					assertThat(engine.startByMessage("startSimple", engine.organizationIdentifier(), Map.of())
							.isEnded()).isTrue();
				}
			}
			finally
			{
				pool.shutdownNow();
			}

			assertThat(engines.engines()).extracting(OrganizationEngine::organizationIdentifier)
					.containsExactlyInAnyOrderElementsOf(organizations);
			for (OrganizationEngine engine : engines.engines())
				assertThat(engine.processEngine().getHistoryService().createHistoricProcessInstanceQuery().list())
						.singleElement().extracting(h -> h.getBusinessKey())
						.isEqualTo(engine.organizationIdentifier());
		}
	}

	@Test
	void anOrganizationHasOneEngine()
	{
		try (NetworkEngines engines = NetworkEngines.create("duplicate-test", new NetworkClock()))
		{
			engines.create(EngineOptions.forOrganization("dic.dsf.test"));

			assertThatThrownBy(() -> engines.create(EngineOptions.forOrganization("dic.dsf.test")))
					.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dic.dsf.test");
		}
	}

	@Test
	void camundasClockFollowsOneNetworkClockAtATime()
	{
		NetworkClock clock = new NetworkClock();
		clock.advance(Duration.ofHours(1));

		try (NetworkEngines first = NetworkEngines.create("clock-test-1", clock))
		{
			assertThat(ClockUtil.getCurrentTime().getTime()).isCloseTo(clock.millis(),
					org.assertj.core.data.Offset.offset(1_000L));

			// another network with its own clock cannot run in this JVM at the same time ...
			assertThatThrownBy(() -> NetworkEngines.create("clock-test-2", new NetworkClock()))
					.isInstanceOf(IllegalStateException.class).hasMessageContaining("one per JVM");

			// ... but one that shares the clock can, and both see every advance
			try (NetworkEngines second = NetworkEngines.create("clock-test-3", clock))
			{
				clock.advance(Duration.ofHours(1));
				assertThat(ClockUtil.getCurrentTime().getTime()).isCloseTo(
						System.currentTimeMillis() + Duration.ofHours(2).toMillis(),
						org.assertj.core.data.Offset.offset(1_000L));
			}
			assertThat(ClockUtil.getCurrentTime().getTime()).as("still bound while the first network runs")
					.isCloseTo(clock.millis(), org.assertj.core.data.Offset.offset(1_000L));
		}

		assertThat(ClockUtil.getCurrentTime().getTime()).as("real time again")
				.isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(1_000L));
		try (NetworkEngines next = NetworkEngines.create("clock-test-4", new NetworkClock()))
		{
			assertThat(next.clock().offset()).isZero();
		}
	}

	@Test
	void aGivenDatabaseOutlivesItsEngineAndServesOneEngineAtATime()
	{
		try (NetworkEngines engines = NetworkEngines.create("restart-test", new NetworkClock());
				EngineDatabase database = EngineDatabase.inMemory("dic.dsf.test"))
		{
			OrganizationEngine first = engines
					.create(EngineOptions.forOrganization("dic.dsf.test").withDatabase(database));
			first.deploy("deadline.bpmn", Models.replyWithDeadline());
			first.startByMessage("startDeadline", "bk-1", Map.of());
			assertThatThrownBy(() -> engines.create(EngineOptions.forOrganization("other").withDatabase(database)))
					.isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by a running engine");
			first.close();
			assertThat(databaseExists(first)).as("kept for the next engine").isTrue();

			OrganizationEngine second = engines
					.create(EngineOptions.forOrganization("dic.dsf.test").withDatabase(database));
			assertThat(second.processDefinitions("dsfdev_deadline", Models.VERSION)).hasSize(1);
			assertThat(second.runningInstances()).singleElement().extracting(i -> i.getBusinessKey())
					.isEqualTo("bk-1");
			second.correlate("reply", "bk-1", null, Map.of());
			assertThat(second.runningInstances()).isEmpty();
			second.close();

			database.close();
			assertThat(databaseExists(second)).as("dropped by its owner").isFalse();
			assertThatThrownBy(() -> engines.create(EngineOptions.forOrganization("dic.dsf.test").withDatabase(database)))
					.isInstanceOf(IllegalStateException.class).hasMessageContaining("was dropped");
		}
	}

	@Test
	void anEngineDatabaseKeepsCamundasParsedStatements() throws SQLException
	{
		try (NetworkEngines engines = NetworkEngines.create("statements-test", new NetworkClock()))
		{
			OrganizationEngine engine = engines.create(EngineOptions.forOrganization("dic.dsf.test"));
			try (var connection = new org.h2.Driver().connect(engine.jdbcUrl(), OrganizationEngine.credentials());
					var result = connection.createStatement().executeQuery(
							"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'"))
			{
				assertThat(result.next()).isTrue();
				assertThat(Integer.parseInt(result.getString(1))).as("H2's default is 8").isGreaterThanOrEqualTo(100);
			}
		}
	}
}
