package org.dsftestbed.steps;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.StepDefinedEvent;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestStepFinished;

/**
 * Answers a step no step definition matches with the file and line of the step and the list of steps the library
 * knows, instead of Cucumber's code snippet (the users of the testbed write features, not step definitions).
 * Registered as Cucumber plugin {@code org.dsftestbed.steps.KnownStepsPlugin}.
 */
public final class KnownStepsPlugin implements ConcurrentEventListener
{
	private final PrintStream out;
	private final TreeSet<String> known = new TreeSet<>();
	private final List<String> unknown = new ArrayList<>();

	public KnownStepsPlugin()
	{
		this(System.err);
	}

	KnownStepsPlugin(PrintStream out)
	{
		this.out = out;
	}

	@Override
	public void setEventPublisher(EventPublisher publisher)
	{
		publisher.registerHandlerFor(StepDefinedEvent.class, e -> record(e.getStepDefinition().getPattern()));
		publisher.registerHandlerFor(TestStepFinished.class, this::onStep);
		publisher.registerHandlerFor(TestRunFinished.class, e -> report());
	}

	private synchronized void record(String pattern)
	{
		known.add(pattern);
	}

	private synchronized void onStep(TestStepFinished event)
	{
		if (event.getResult().getStatus() == Status.UNDEFINED
				&& event.getTestStep() instanceof PickleStepTestStep step)
			unknown.add(step.getUri() + ":" + step.getStepLine() + ": unknown step '" + step.getStep().getText()
					+ "'");
	}

	private synchronized void report()
	{
		if (unknown.isEmpty())
			return;
		unknown.forEach(out::println);
		out.println("Known steps (Given/When/Then/And all work):");
		known.forEach(k -> out.println("  " + k));
	}
}
