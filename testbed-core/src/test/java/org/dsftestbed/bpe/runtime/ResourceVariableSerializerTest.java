package org.dsftestbed.bpe.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * FHIR resources in process variables behave as DSF's value types do: a resource changed in place is the same object
 * for the rest of the transaction, but is stored again only when it is set again, so after a wait state the change is
 * gone. Other Java objects keep Camunda's behaviour (changed in place, stored at the end of the transaction).
 */
class ResourceVariableSerializerTest
{
	private static NetworkEngines engines;
	private static OrganizationEngine engine;

	@BeforeAll
	static void start()
	{
		engines = NetworkEngines.create("resource-variables", new NetworkClock());
		engine = engines.create(PluginRuntime.engineOptions("dic.dsf.test", new PluginDelegates()));
		engine.deploy("changeInPlace.bpmn", changeThenWait("testorg_changeInPlace", "${true}"));
		engine.deploy("changeAndSet.bpmn",
				changeThenWait("testorg_changeAndSet", "${execution.setVariable('task', task)}"));
	}

	/**
	 * Adds an output to the Task, runs {@code afterChange}, records how many outputs this transaction sees and adds a
	 * name to a plain Java list, then waits in a user task.
	 */
	private static BpmnModelInstance changeThenWait(String id, String afterChange)
	{
		return Bpmn.createExecutableProcess(id).camundaVersionTag("1.0").camundaHistoryTimeToLive(30).startEvent()
				.serviceTask("change").camundaExpression("${task.addOutput()}").serviceTask("afterChange")
				.camundaExpression(afterChange).serviceTask("look")
				.camundaExpression("${execution.setVariable('outputsSeen', task.output.size())}").serviceTask("name")
				.camundaExpression("${names.add('changed')}").userTask("wait").endEvent().done();
	}

	@AfterAll
	static void stop()
	{
		if (engines != null)
			engines.close();
	}

	private static String startWith(String key, Task task, List<String> names)
	{
		RuntimeService runtime = engine.processEngine().getRuntimeService();
		return runtime.startProcessInstanceByKey(key, Map.of("task", task, "names", names)).getId();
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
		String instance = startWith("testorg_changeInPlace", inProgressTask(), new ArrayList<>());
		RuntimeService runtime = engine.processEngine().getRuntimeService();

		assertThat(runtime.getVariable(instance, "outputsSeen")).isEqualTo(1);
		assertThat(((Task) runtime.getVariable(instance, "task")).getOutput()).isEmpty();
	}

	@Test
	void aTaskSetAgainAfterTheChangeIsStored()
	{
		String instance = startWith("testorg_changeAndSet", inProgressTask(), new ArrayList<>());
		RuntimeService runtime = engine.processEngine().getRuntimeService();

		assertThat(((Task) runtime.getVariable(instance, "task")).getOutput()).hasSize(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void otherJavaObjectsChangedInPlaceAreStoredAsCamundaDoes()
	{
		String instance = startWith("testorg_changeInPlace", inProgressTask(), new ArrayList<>(List.of("a")));
		RuntimeService runtime = engine.processEngine().getRuntimeService();

		assertThat((List<String>) runtime.getVariable(instance, "names")).containsExactly("a", "changed");
		TaskService tasks = engine.processEngine().getTaskService();
		tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
	}
}
