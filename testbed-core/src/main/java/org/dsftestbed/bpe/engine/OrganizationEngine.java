package org.dsftestbed.bpe.engine;

import java.io.InputStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dsf.bpe.v1.constants.BpmnExecutionVariables;

/**
 * One organization's Camunda process engine, with the operations DSF's BPE performs on it: deploying a BPMN model
 * under {@code id|version}, suspending and activating definitions for the process states, starting a process with a
 * start message and correlating a message to a running instance as DSF's {@code TaskHandler} does. Everything else is
 * reachable through {@link #processEngine()}.
 *
 * <pre>{@code
 * OrganizationEngine dic = engines.create(EngineOptions.forOrganization("dic.dsf.test"));
 * dic.deploy("bpe/ping.bpmn", model);                         // deployment "dsfdev_ping|1.0"
 * dic.startJobExecution();
 * ProcessDefinition ping = dic.activeProcessDefinition("dsfdev_ping", "1.0").orElseThrow();
 * dic.startByMessage(ping.getId(), "startPing", businessKey, Map.of());
 * dic.correlate("pong", businessKey, correlationKey, Map.of());
 * }</pre>
 */
public final class OrganizationEngine implements AutoCloseable
{
	private static final Logger logger = LoggerFactory.getLogger(OrganizationEngine.class);

	/** How long {@link #close()} waits for the engine's running jobs. */
	static final Duration JOB_DRAIN_TIMEOUT = Duration.ofSeconds(30);

	private final String organizationIdentifier;
	private final ProcessEngineImpl engine;
	private final EngineDatabase database;
	private final boolean ownsDatabase;
	private final NetworkJobExecutor jobExecutor;
	private final Consumer<OrganizationEngine> onClose;
	private boolean closed;

	OrganizationEngine(String organizationIdentifier, ProcessEngineImpl engine, EngineDatabase database,
			boolean ownsDatabase, NetworkJobExecutor jobExecutor, Consumer<OrganizationEngine> onClose)
	{
		this.organizationIdentifier = organizationIdentifier;
		this.engine = engine;
		this.database = database;
		this.ownsDatabase = ownsDatabase;
		this.jobExecutor = jobExecutor;
		this.onClose = onClose;
	}

	public String organizationIdentifier()
	{
		return organizationIdentifier;
	}

	/** The Camunda engine, named after the organization. */
	public ProcessEngine processEngine()
	{
		return engine;
	}

	String jdbcUrl()
	{
		return database.jdbcUrl();
	}

	/**
	 * Lets the network's job executor run this engine's jobs (async continuations, timers, retries). DSF starts its job
	 * executor after the plugins are deployed; so should the caller.
	 */
	public void startJobExecution()
	{
		ensureOpen();
		jobExecutor.startJobs(engine);
	}

	public boolean isJobExecutionStarted()
	{
		return jobExecutor.isStarted(engine);
	}

	/**
	 * Deploys a BPMN model as DSF does: deployment name {@code <process id>|<camunda:versionTag>}, the resource under
	 * {@code resourceName}, duplicate filtering on (an unchanged model deployed again under the same name yields the
	 * existing deployment and no new definition version).
	 *
	 * @throws IllegalArgumentException
	 *             if the model does not have exactly one process, or the process has no {@code camunda:versionTag}
	 */
	public Deployment deploy(String resourceName, BpmnModelInstance model)
	{
		Objects.requireNonNull(resourceName, "resourceName");
		Objects.requireNonNull(model, "model");
		ensureOpen();

		return engine.getRepositoryService().createDeployment().name(deploymentName(resourceName, model))
				.source(resourceName).addModelInstance(resourceName, model).enableDuplicateFiltering(true).deploy();
	}

	/** {@link #deploy(String, BpmnModelInstance)} for BPMN XML; the stream is read, not closed. */
	public Deployment deploy(String resourceName, InputStream bpmn)
	{
		Objects.requireNonNull(bpmn, "bpmn");
		return deploy(resourceName, Bpmn.readModelFromStream(bpmn));
	}

	private static String deploymentName(String resourceName, BpmnModelInstance model)
	{
		var processes = model.getModelElementsByType(Process.class);
		if (processes.size() != 1)
			throw new IllegalArgumentException(
					resourceName + ": expected exactly one process, found " + processes.size());
		Process process = processes.iterator().next();
		if (process.getCamundaVersionTag() == null || process.getCamundaVersionTag().isBlank())
			throw new IllegalArgumentException(resourceName + ": process " + process.getId()
					+ " has no camunda:versionTag; DSF deploys processes as <id>|<version>");
		return process.getId() + "|" + process.getCamundaVersionTag();
	}

	/** All definitions of the process with that id (Camunda key) and version tag, oldest Camunda version first. */
	public List<ProcessDefinition> processDefinitions(String processId, String versionTag)
	{
		ensureOpen();
		return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processId)
				.versionTag(versionTag).orderByProcessDefinitionVersion().asc().list();
	}

	/**
	 * The newest active (not suspended) definition of the process with that id and version tag, as DSF's
	 * {@code TaskHandler} looks it up for an incoming Task.
	 */
	public Optional<ProcessDefinition> activeProcessDefinition(String processId, String versionTag)
	{
		ensureOpen();
		return engine.getRepositoryService().createProcessDefinitionQuery().active().processDefinitionKey(processId)
				.versionTag(versionTag).list().stream().max(Comparator.comparingInt(ProcessDefinition::getVersion));
	}

	/**
	 * Suspends a definition: it can no longer be started and is invisible to {@link #activeProcessDefinition}; running
	 * instances go on (DSF's RETIRED, EXCLUDED and older DRAFT deployments).
	 */
	public void suspendProcessDefinition(String processDefinitionId)
	{
		ensureOpen();
		engine.getRepositoryService().suspendProcessDefinitionById(processDefinitionId);
	}

	/** Activates a suspended definition again (DSF's ACTIVE and newest DRAFT). */
	public void activateProcessDefinition(String processDefinitionId)
	{
		ensureOpen();
		engine.getRepositoryService().activateProcessDefinitionById(processDefinitionId);
	}

	/**
	 * Starts an instance of the given definition through its message start event, as DSF's {@code TaskHandler} does
	 * for a Task that matches no running instance.
	 *
	 * @throws MismatchingMessageCorrelationException
	 *             if the definition has no start event for that message
	 */
	public ProcessInstance startByMessage(String processDefinitionId, String messageName, String businessKey,
			Map<String, ?> variables)
	{
		Objects.requireNonNull(processDefinitionId, "processDefinitionId");
		ensureOpen();
		return engine.getRuntimeService().createMessageCorrelation(messageName)
				.processDefinitionId(processDefinitionId).processInstanceBusinessKey(businessKey)
				.setVariables(copy(variables)).correlateStartMessage();
	}

	/**
	 * Starts an instance of whichever deployed, active definition has a message start event for {@code messageName}
	 * (Camunda's choice: the newest version).
	 */
	public ProcessInstance startByMessage(String messageName, String businessKey, Map<String, ?> variables)
	{
		ensureOpen();
		return engine.getRuntimeService().createMessageCorrelation(messageName).processInstanceBusinessKey(businessKey)
				.setVariables(copy(variables)).correlateStartMessage();
	}

	/**
	 * Delivers a message to the one execution waiting for it in an instance with that business key, as DSF's
	 * {@code TaskHandler} does: with a correlation key, only an execution whose <em>local</em> variable
	 * {@code correlationKey} equals it matches (multi-instance sends put the target's key there). The variables are
	 * set on the process instance.
	 *
	 * @param correlationKey
	 *            may be {@code null}: then the business key alone must single out one execution
	 * @throws MismatchingMessageCorrelationException
	 *             if no execution or more than one matches (DSF fails the Task with "Unable to correlate Task")
	 */
	public MessageCorrelationResult correlate(String messageName, String businessKey, String correlationKey,
			Map<String, ?> variables)
	{
		Objects.requireNonNull(businessKey, "businessKey");
		ensureOpen();
		MessageCorrelationBuilder correlation = engine.getRuntimeService().createMessageCorrelation(messageName)
				.setVariables(copy(variables)).processInstanceBusinessKey(businessKey);
		return correlate(correlation, correlationKey);
	}

	/**
	 * As {@link #correlate(String, String, String, Map)}, but matching instances whose process variable
	 * {@code alternativeBusinessKey} equals the key: DSF's path for replies to Tasks sent with an alternative business
	 * key.
	 */
	public MessageCorrelationResult correlateByAlternativeBusinessKey(String messageName,
			String alternativeBusinessKey, String correlationKey, Map<String, ?> variables)
	{
		Objects.requireNonNull(alternativeBusinessKey, "alternativeBusinessKey");
		ensureOpen();
		MessageCorrelationBuilder correlation = engine.getRuntimeService().createMessageCorrelation(messageName)
				.setVariables(copy(variables)).processInstanceVariableEquals(
						BpmnExecutionVariables.ALTERNATIVE_BUSINESS_KEY, alternativeBusinessKey);
		return correlate(correlation, correlationKey);
	}

	private static MessageCorrelationResult correlate(MessageCorrelationBuilder correlation, String correlationKey)
	{
		if (correlationKey != null)
			correlation = correlation.localVariableEquals(BpmnExecutionVariables.CORRELATION_KEY, correlationKey);
		return correlation.correlateWithResult();
	}

	/** All running (and suspended) process instances. */
	public List<ProcessInstance> runningInstances()
	{
		ensureOpen();
		return engine.getRuntimeService().createProcessInstanceQuery().list();
	}

	/** Running instances of the definition with that business key (DSF's first lookup for an incoming Task). */
	public List<ProcessInstance> runningInstances(String processDefinitionId, String businessKey)
	{
		ensureOpen();
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(processDefinitionId)
				.processInstanceBusinessKey(businessKey).list();
	}

	/** Running instances of the definition whose variable {@code alternativeBusinessKey} equals the key. */
	public List<ProcessInstance> runningInstancesWithAlternativeBusinessKey(String processDefinitionId,
			String alternativeBusinessKey)
	{
		ensureOpen();
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(processDefinitionId)
				.variableValueEquals(BpmnExecutionVariables.ALTERNATIVE_BUSINESS_KEY, alternativeBusinessKey).list();
	}

	public synchronized boolean isClosed()
	{
		return closed;
	}

	/**
	 * Stops this engine's job execution and waits (up to 30 s) for its running jobs, closes the engine and drops its
	 * database, unless the database was given with {@link EngineOptions#withDatabase}: that one stays for the next
	 * engine. The network's other engines go on.
	 */
	@Override
	public void close()
	{
		synchronized (this)
		{
			if (closed)
				return;
			closed = true;
		}

		try
		{
			if (!jobExecutor.stopJobs(engine, JOB_DRAIN_TIMEOUT))
				logger.warn("Closing engine {} while jobs still run after {}", organizationIdentifier,
						JOB_DRAIN_TIMEOUT);
		}
		catch (InterruptedException e)
		{
			Thread.currentThread().interrupt();
		}

		try
		{
			engine.close();
		}
		finally
		{
			database.release();
			if (ownsDatabase)
				database.close();
			onClose.accept(this);
		}
	}

	static Properties credentials()
	{
		return EngineDatabase.credentials();
	}

	private void ensureOpen()
	{
		if (isClosed())
			throw new IllegalStateException("Engine of organization " + organizationIdentifier + " is closed");
	}

	private static Map<String, Object> copy(Map<String, ?> variables)
	{
		return variables == null ? Map.of() : new HashMap<>(variables);
	}

	@Override
	public String toString()
	{
		return "OrganizationEngine[" + organizationIdentifier + "]";
	}
}
