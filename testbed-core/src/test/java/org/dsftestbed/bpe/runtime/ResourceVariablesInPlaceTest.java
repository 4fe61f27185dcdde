package org.dsftestbed.bpe.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.dsftestbed.bpe.engine.NetworkEngines;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.time.NetworkClock;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FHIR resources in process variables behave as DSF's value types do ({@link VariableValues}): a resource changed in
 * place is the same object for the rest of the transaction, but is stored again only when it is set again, so after a
 * wait state the change is gone (e.g. an error output AbstractTaskMessageSend adds to a Task without setting it again).
 */
class ResourceVariablesInPlaceTest
{
	private static NetworkEngines engines;
	private static OrganizationEngine engine;

	@BeforeAll
	static void start()
	{
		engines = NetworkEngines.create("resource-variables", new NetworkClock());
		engine = engines.create(
				PluginRuntime.engineOptions("dic.dsf.test", new PluginDelegates(), new PluginSerializers()));
		engine.deploy("changeInPlace.bpmn", changeThenWait("testorg_changeInPlace", "${true}"));
	}

	/**
	 * Adds an output to the Task, runs {@code afterChange}, records how many outputs this transaction sees, then waits
	 * in a user task.
	 */
	private static BpmnModelInstance changeThenWait(String id, String afterChange)
	{
		return Bpmn.createExecutableProcess(id).camundaVersionTag("1.0").camundaHistoryTimeToLive(30).startEvent()
				.serviceTask("change").camundaExpression("${task.addOutput()}").serviceTask("afterChange")
				.camundaExpression(afterChange).serviceTask("look")
				.camundaExpression("${execution.setVariable('outputsSeen', task.output.size())}").userTask("wait").endEvent().done();
	}

	@AfterAll
	static void stop()
	{
		if (engines != null)
			engines.close();
	}

	private static String startWith(String key, Task task)
	{
		RuntimeService runtime = engine.processEngine().getRuntimeService();
		return runtime.startProcessInstanceByKey(key, Map.of("task", task)).getId();
	}

	private static Task inProgressTask()
	{
		Task task = new Task().setStatus(TaskStatus.INPROGRESS);
		task.setId("Task/1");
		return task;
	}

	@Test
	void aTaskChangedInPlaceIsSeenInItsTransactionButNotStoredAcrossTheWaitState()
	{
		String instance = startWith("testorg_changeInPlace", inProgressTask());
		RuntimeService runtime = engine.processEngine().getRuntimeService();

		assertThat(runtime.getVariable(instance, "outputsSeen")).isEqualTo(1);
		assertThat(((Task) runtime.getVariable(instance, "task")).getOutput()).isEmpty();
	}
}
