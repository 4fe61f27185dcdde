package org.dsftestbed.bpe.fhir;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.bpe.plugin.ProcessUrl;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dsf.fhir.client.FhirWebserviceClient;

/**
 * What DSF 1.9.0's BPE does with a requested Task from its subscription (spec §5.6): adds a business key if the Task
 * has none, sets it in-progress on the FHIR server, then starts the process named by {@code instantiatesCanonical}
 * through its message start event or correlates the message with a running instance. Failures end in status
 * {@code failed} with a {@code bpmn-message#error} output carrying DSF's text.
 */
public class TaskHandler implements java.util.function.Consumer<Task>
{
	private static final Logger logger = LoggerFactory.getLogger(TaskHandler.class);

	/** The process variable holding the Task just received, as in DSF. */
	public static final String TASK_VARIABLE = "dev.dsf.bpe.subscription.TaskHandler.task";

	private static final class ProcessNotFound extends RuntimeException
	{
		private static final long serialVersionUID = 1L;
		final String shortMessage;

		ProcessNotFound(String processId, String version, String startMessageName)
		{
			super(startMessageName == null
					? "Process with id: '" + processId + "' and version '" + version + "' not found"
					: "Process with id '" + processId + "', version '" + version + "' and start message-name '"
							+ startMessageName + "' not found");
			shortMessage = startMessageName == null ? "Process not found"
					: "Process with start message-name '" + startMessageName + "' not found";
		}
	}

	private final OrganizationEngine engine;
	private final FhirWebserviceClient localClient;
	private final TaskVariableCodec codec;
	private final Predicate<ProcessDefinition> hasPlugin;

	/**
	 * @param hasPlugin
	 *            whether a loaded plugin owns the definition (DSF fails the Task with "Process not found" otherwise);
	 *            {@code d -> true} without plugin runtime
	 */
	public TaskHandler(OrganizationEngine engine, FhirWebserviceClient localClient, TaskVariableCodec codec,
			Predicate<ProcessDefinition> hasPlugin)
	{
		this.engine = Objects.requireNonNull(engine, "engine");
		this.localClient = Objects.requireNonNull(localClient, "localClient");
		this.codec = Objects.requireNonNull(codec, "codec");
		this.hasPlugin = Objects.requireNonNull(hasPlugin, "hasPlugin");
	}

	@Override
	public void accept(Task task)
	{
		onTask(task);
	}

	public void onTask(Task received)
	{
		Objects.requireNonNull(received, "task");
		// the Task as last written: after the in-progress update, failures are written on top of that version
		Task task = received;
		try
		{
			String businessKey = BpmnMessage.input(task, BpmnMessage.BUSINESS_KEY).orElse(null);
			if (businessKey == null)
			{
				businessKey = UUID.randomUUID().toString();
				BpmnMessage.addInput(task, BpmnMessage.BUSINESS_KEY, businessKey);
			}

			if (task.getStatus() != TaskStatus.REQUESTED)
				throw new IllegalArgumentException("Task.status != " + TaskStatus.REQUESTED.toCode());

			ProcessUrl.Canonical canonical = ProcessUrl.parseCanonical(task.getInstantiatesCanonical())
					.orElseThrow(() -> new IllegalStateException("InstantiatesCanonical of Task with id "
							+ received.getIdElement().getIdPart() + " does not match " + ProcessUrl.FORM + "|<version>"));
			String processId = canonical.processUrl().processId();
			String version = canonical.version();

			ProcessDefinition definition = engine.activeProcessDefinition(processId, version)
					.filter(hasPlugin).orElseThrow(() -> new ProcessNotFound(processId, version, null));

			String messageName = BpmnMessage.input(task, BpmnMessage.MESSAGE_NAME).orElse(null);
			String correlationKey = BpmnMessage.input(task, BpmnMessage.CORRELATION_KEY).orElse(null);

			task.setStatus(TaskStatus.INPROGRESS);
			try
			{
				task = localClient.update(task);
			}
			catch (Exception e)
			{
				logger.warn("Unable to handle Task with id {}: {} - {}", task.getId(), e.getClass().getName(),
						e.getMessage());
				fail(task, "Unable to update Task to status 'in-progress'");
			}

			Map<String, Object> variables = Map.of(TASK_VARIABLE, codec.toVariable(task));
			deliver(definition, processId, version, messageName, businessKey, correlationKey, variables);
		}
		catch (MismatchingMessageCorrelationException e)
		{
			logger.warn("Unable to handle Task with id {}: {} - {}", task.getId(), e.getClass().getName(),
					e.getMessage());
			fail(task, "Unable to correlate Task");
		}
		catch (ProcessNotFound e)
		{
			logger.warn("Unable to handle Task with id {}: {}", task.getId(), e.getMessage());
			fail(task, e.shortMessage);
		}
		catch (Exception e)
		{
			logger.error("Unable to handle Task with id {}: {} - {}", task.getId(), e.getClass().getName(),
					e.getMessage());
			fail(task, e.getClass().getName() + ": " + e.getMessage());
		}
	}

	private void deliver(ProcessDefinition definition, String processId, String version, String messageName,
			String businessKey, String correlationKey, Map<String, Object> variables)
	{
		Objects.requireNonNull(messageName, "messageName");

		List<ProcessInstance> byBusinessKey = engine.runningInstances(definition.getId(), businessKey);
		List<ProcessInstance> byAlternative = engine.runningInstancesWithAlternativeBusinessKey(definition.getId(),
				businessKey);
		if (byBusinessKey.size() + byAlternative.size() > 1)
			logger.warn("instance-ids {}", Stream.concat(byBusinessKey.stream(), byAlternative.stream())
					.map(ProcessInstance::getId).collect(Collectors.joining(", ", "[", "]")));

		if (byBusinessKey.isEmpty() && byAlternative.isEmpty())
		{
			if (startMessageNames(definition).contains(messageName))
				engine.startByMessage(definition.getId(), messageName, businessKey, variables);
			else
				throw new ProcessNotFound(processId, version, messageName);
		}
		else if (!byBusinessKey.isEmpty())
			engine.correlate(messageName, businessKey, correlationKey, variables);
		else
			engine.correlateByAlternativeBusinessKey(messageName, businessKey, correlationKey, variables);
	}

	private List<String> startMessageNames(ProcessDefinition definition)
	{
		BpmnModelInstance model = engine.processEngine().getRepositoryService()
				.getBpmnModelInstance(definition.getId());
		if (model == null)
			return List.of();
		Collection<StartEvent> starts = model.getModelElementsByType(StartEvent.class);
		return starts.stream().flatMap(s -> s.getChildElementsByType(MessageEventDefinition.class).stream())
				.map(MessageEventDefinition::getMessage).filter(Objects::nonNull).map(m -> m.getName())
				.filter(Objects::nonNull).toList();
	}

	private void fail(Task task, String message)
	{
		BpmnMessage.addOutput(task, BpmnMessage.ERROR, message);
		task.setStatus(TaskStatus.FAILED);
		try
		{
			localClient.update(task);
		}
		catch (Exception e)
		{
			logger.error("Unable to update Task with id {} (status failed): {} - {}", task.getId(),
					e.getClass().getName(), e.getMessage());
		}
	}

	static Optional<String> businessKey(Task task)
	{
		return BpmnMessage.input(task, BpmnMessage.BUSINESS_KEY);
	}
}
