package org.dsftestbed.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.dsftestbed.bpe.engine.EngineOptions;
import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.time.NetworkClock;

/**
 * Start-up of one Camunda engine per organization in one JVM (the BPE's share of an organization's start), deployment
 * of three small processes, one process run, a 5-minute timer in every engine fired by one clock advance, close.
 * Target (2 cores): the engine after the first in a JVM well below the BPE's 1.5 s per organization. Run: see the
 * README ("Benchmarks").
 */
public final class BpeEngineBenchmark
{
	public static void main(String[] args)
	{
		int count = Integer.getInteger("engines", 20);
		NetworkClock clock = new NetworkClock();

		List<Long> create = new ArrayList<>();
		List<Long> deploy = new ArrayList<>();
		List<Long> run = new ArrayList<>();
		List<OrganizationEngine> engines = new ArrayList<>();
		try (NetworkEngines network = NetworkEngines.create("benchmark", clock))
		{
			for (int i = 0; i < count; i++)
			{
				int n = i;
				OrganizationEngine engine = timed(create,
						() -> network.create(EngineOptions.forOrganization("org" + n + ".dsf.test")));
				timed(deploy, () ->
				{
					engine.deploy("simple.bpmn", simple());
					engine.deploy("wait.bpmn", waiting());
					engine.deploy("deadline.bpmn", deadline());
					engine.startJobExecution();
					return null;
				});
				timed(run, () -> engine.startByMessage("startSimple", "bk", Map.of()));
				engine.startByMessage("startWait", "bk-wait", Map.of());
				engines.add(engine);
			}
			print("engine create", create);
			print("deploy 3 processes + start job execution", deploy);
			print("first process run", run);

			System.gc();
			Runtime runtime = Runtime.getRuntime();
			System.out.printf("heap used with %d engines: %d MB; job executor threads: %d%n", count,
					(runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024),
					Thread.getAllStackTraces().keySet().stream()
							.filter(t -> t.getName().startsWith(network.threadNamePrefix())).count());

			long advanced = System.nanoTime();
			clock.advance(Duration.ofMinutes(5));
			while (engines.stream().anyMatch(e -> !e.runningInstances().isEmpty()))
				sleep();
			System.out.printf("5-minute timers of %d engines fired %d ms after one advance%n", count,
					(System.nanoTime() - advanced) / 1_000_000);

			List<Long> close = new ArrayList<>();
			for (OrganizationEngine engine : engines)
				timed(close, () ->
				{
					engine.close();
					return null;
				});
			print("engine close", close);
		}
	}

	private static BpmnModelInstance simple()
	{
		return Bpmn.createExecutableProcess("dsfdev_simple").camundaVersionTag("1.0").camundaHistoryTimeToLive(30)
				.startEvent().message("startSimple").serviceTask()
				.camundaExpression("${execution.setVariable('worked', true)}").endEvent().done();
	}

	private static BpmnModelInstance waiting()
	{
		return Bpmn.createExecutableProcess("dsfdev_wait").camundaVersionTag("1.0").camundaHistoryTimeToLive(30)
				.startEvent().message("startWait").intermediateCatchEvent().timerWithDuration("PT5M").endEvent()
				.done();
	}

	private static BpmnModelInstance deadline()
	{
		return Bpmn.createExecutableProcess("dsfdev_deadline").camundaVersionTag("1.0").camundaHistoryTimeToLive(30)
				.startEvent().message("startDeadline").receiveTask("awaitReply").message("reply")
				.boundaryEvent("deadline").timerWithDuration("PT45M").endEvent().moveToActivity("awaitReply")
				.endEvent().done();
	}

	private static <T> T timed(List<Long> millis, Supplier<T> work)
	{
		long begin = System.nanoTime();
		T result = work.get();
		millis.add((System.nanoTime() - begin) / 1_000_000);
		return result;
	}

	private static void print(String what, List<Long> millis)
	{
		List<Long> further = new ArrayList<>(millis.subList(1, millis.size()));
		Collections.sort(further);
		System.out.printf("%s: first %d ms; after the first: median %d ms, max %d ms (%d engines)%n", what,
				millis.get(0), further.isEmpty() ? 0 : further.get(further.size() / 2),
				further.isEmpty() ? 0 : further.get(further.size() - 1), millis.size());
	}

	private static void sleep()
	{
		try
		{
			Thread.sleep(5);
		}
		catch (InterruptedException e)
		{
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
