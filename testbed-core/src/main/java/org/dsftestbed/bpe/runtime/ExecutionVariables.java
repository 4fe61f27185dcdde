package org.dsftestbed.bpe.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.constants.BpmnExecutionVariables;
import dev.dsf.bpe.v1.variables.Target;
import dev.dsf.bpe.v1.variables.Targets;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * DSF's {@code Variables} over one execution, a new instance per call of {@code ProcessPluginApi.getVariables}. Uses
 * DSF's variable names and value types ({@link VariableValues}): Targets, Targets lists, FHIR resources (the Tasks
 * too) and resource lists are stored as JSON, so the engine needs {@link VariableValues#serializers} (as
 * {@link PluginRuntime#engineOptions} sets).
 */
public final class ExecutionVariables implements Variables
{
	public static final String START_TASK = "dev.dsf.bpe.variables.VariablesImpl.startTask";
	public static final String TASKS_PREFIX = "dev.dsf.bpe.variables.VariablesImpl.tasks.";
	public static final String QUESTIONNAIRE_RESPONSE = "dev.dsf.bpe.subscription.QuestionnaireResponseHandler.questionnaireResponse";

	private final DelegateExecution execution;

	public ExecutionVariables(DelegateExecution execution)
	{
		this.execution = Objects.requireNonNull(execution, "execution");
	}

	@Override
	public void setAlternativeBusinessKey(String alternativeBusinessKey)
	{
		execution.setVariable(BpmnExecutionVariables.ALTERNATIVE_BUSINESS_KEY, alternativeBusinessKey);
	}

	@Override
	public Target createTarget(String organizationIdentifierValue, String endpointIdentifierValue,
			String endpointUrl, String correlationKey)
	{
		Objects.requireNonNull(organizationIdentifierValue, "organizationIdentifierValue");
		Objects.requireNonNull(endpointIdentifierValue, "endpointIdentifierValue");
		Objects.requireNonNull(endpointUrl, "endpointUrl");
		return new TargetValue(organizationIdentifierValue, endpointIdentifierValue, endpointUrl, correlationKey);
	}

	@Override
	public void setTarget(Target target) throws IllegalArgumentException
	{
		if (target == null)
			execution.setVariable(BpmnExecutionVariables.TARGET, null);
		else if (target instanceof TargetValue t)
			execution.setVariable(BpmnExecutionVariables.TARGET, VariableValues.target(t));
		else
			throw new IllegalArgumentException("Given target implementing class " + target.getClass().getName()
					+ " not supported; only targets created by Variables.createTarget are accepted");
	}

	@Override
	public Target getTarget()
	{
		return (Target) execution.getVariable(BpmnExecutionVariables.TARGET);
	}

	@Override
	public Targets createTargets(List<? extends Target> targets)
	{
		List<TargetValue> values = new ArrayList<>();
		for (Target t : targets == null ? List.<Target> of() : targets)
		{
			if (!(t instanceof TargetValue v))
				throw new IllegalArgumentException("Target implementing class " + t.getClass().getName()
						+ " (in given List) not supported; only targets created by Variables.createTarget are accepted");
			values.add(v);
		}
		return new TargetsValue(values);
	}

	@Override
	public void setTargets(Targets targets)
	{
		if (targets == null)
			execution.setVariable(BpmnExecutionVariables.TARGETS, null);
		else if (targets instanceof TargetsValue t)
			execution.setVariable(BpmnExecutionVariables.TARGETS, VariableValues.targets(t));
		else
			throw new IllegalArgumentException("Given targets implementing class " + targets.getClass().getName()
					+ " not supported; only targets created by Variables.createTargets are accepted");
	}

	@Override
	public Targets getTargets()
	{
		return (Targets) execution.getVariable(BpmnExecutionVariables.TARGETS);
	}

	@Override
	public void setResourceList(String variableName, List<? extends Resource> resources)
	{
		execution.setVariable(variableName, VariableValues.resources(resources));
	}

	@Override
	public <R extends Resource> List<R> getResourceList(String variableName)
	{
		return VariableValues.resourcesOf(execution.getVariable(variableName));
	}

	@Override
	public void setResource(String variableName, Resource resource)
	{
		execution.setVariable(variableName, VariableValues.resource(resource));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R extends Resource> R getResource(String variableName)
	{
		return (R) execution.getVariable(variableName);
	}

	@Override
	public Task getStartTask()
	{
		return (Task) execution.getVariable(START_TASK);
	}

	private String currentTasksVariable()
	{
		return TASKS_PREFIX + execution.getParentActivityInstanceId();
	}

	private List<Task> tasks(String variableName)
	{
		List<Task> tasks = getResourceList(variableName);
		return tasks == null ? List.of() : tasks;
	}

	/** DSF's test: an execution without a parent (inside a multi-instance body at top level it has one). */
	private boolean topLevel()
	{
		return execution.getParentId() == null;
	}

	/** The last of {@link #getCurrentTasks()}, {@code null} when there is none (DSF 1.9.0's VariablesImpl). */
	@Override
	public Task getLatestTask()
	{
		List<Task> current = getCurrentTasks();
		return current.isEmpty() ? null : current.get(current.size() - 1);
	}

	@Override
	public List<Task> getTasks()
	{
		Map<String, Task> byId = new LinkedHashMap<>();
		add(byId, getStartTask());
		execution.getVariables().keySet().stream().filter(n -> n.startsWith(TASKS_PREFIX))
				.forEach(n -> tasks(n).forEach(t -> add(byId, t)));
		return List.copyOf(byId.values());
	}

	private static void add(Map<String, Task> byId, Task task)
	{
		if (task != null)
			byId.putIfAbsent(task.getIdElement().getIdPart(), task);
	}

	@Override
	public List<Task> getCurrentTasks()
	{
		Map<String, Task> byId = new LinkedHashMap<>();
		if (topLevel())
			add(byId, getStartTask());
		tasks(currentTasksVariable()).forEach(t -> add(byId, t));
		return List.copyOf(byId.values());
	}

	@Override
	public void updateTask(Task task)
	{
		if (task == null)
			return;
		String id = task.getIdElement().getIdPart();
		Task start = getStartTask();
		if (start != null && Objects.equals(id, start.getIdElement().getIdPart()))
		{
			setResource(START_TASK, task);
			return;
		}
		for (String name : execution.getVariables().keySet())
		{
			if (!name.startsWith(TASKS_PREFIX))
				continue;
			List<Task> list = new ArrayList<>(tasks(name));
			for (int i = 0; i < list.size(); i++)
				if (Objects.equals(id, list.get(i).getIdElement().getIdPart()))
				{
					list.set(i, task);
					setResourceList(name, list);
					return;
				}
		}
	}

	@Override
	public QuestionnaireResponse getLatestReceivedQuestionnaireResponse()
	{
		return (QuestionnaireResponse) execution.getVariable(QUESTIONNAIRE_RESPONSE);
	}

	@Override
	public void setVariable(String variableName, TypedValue value)
	{
		execution.setVariable(Objects.requireNonNull(variableName, "variableName"), value);
	}

	@Override
	public Object getVariable(String variableName)
	{
		return execution.getVariable(Objects.requireNonNull(variableName, "variableName"));
	}
}
