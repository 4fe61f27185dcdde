package org.dsftestbed.bpe.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.dsftestbed.bpe.engine.OrganizationEngine;
import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys a start's BPMN models and decides every process's new state, as DSF 1.9.0's
 * {@code BpmnProcessStateChangeServiceImpl} does (spec §5.4):
 * <ol>
 * <li>each model deployed as {@code id|version} with duplicate filtering (an unchanged model yields no new Camunda
 * version, a changed draft does); after a draft's deployment only its newest active definition stays active;</li>
 * <li>for every process definition in the engine's database, shipped or not: new state EXCLUDED if listed as excluded,
 * else RETIRED if listed as retired, else DRAFT for a draft model, else ACTIVE if shipped, else EXCLUDED;</li>
 * <li>definitions suspended (NEW/ACTIVE/DRAFT → RETIRED/EXCLUDED) or activated (RETIRED/EXCLUDED → ACTIVE/DRAFT), all
 * definitions of the process alike; other transitions leave Camunda as it is;</li>
 * <li>the new states recorded in the {@link BpeDatabase}.</li>
 * </ol>
 * As in DSF, activating a draft that was RETIRED or EXCLUDED activates its older Camunda versions too; Tasks still reach
 * the newest, as the BPE looks up the highest active version.
 */
public final class BpmnDeployment
{
	private static final Logger logger = LoggerFactory.getLogger(BpmnDeployment.class);

	private final OrganizationEngine engine;
	private final BpeDatabase database;
	private final ProcessStateSettings settings;

	public BpmnDeployment(OrganizationEngine engine, BpeDatabase database, ProcessStateSettings settings)
	{
		this.engine = Objects.requireNonNull(engine, "engine");
		this.database = Objects.requireNonNull(database, "database");
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/** Deploys, suspends or activates; returns one change per process known to the engine. */
	public List<ProcessStateChange> deploySuspendOrActivate(List<ProcessModel> models)
	{
		Map<ProcessIdAndVersion, ProcessState> oldStates = database.processStates();
		models.forEach(this::deploy);

		Set<ProcessIdAndVersion> shipped = models.stream().map(ProcessModel::process).collect(Collectors.toSet());
		Set<ProcessIdAndVersion> drafts = models.stream().filter(ProcessModel::draft).map(ProcessModel::process)
				.collect(Collectors.toSet());

		Map<ProcessIdAndVersion, ProcessState> newStates = new LinkedHashMap<>();
		for (ProcessDefinition definition : repository().createProcessDefinitionQuery()
				.orderByProcessDefinitionKey().asc().orderByVersionTag().asc().orderByProcessDefinitionVersion().asc()
				.list())
		{
			ProcessIdAndVersion process = new ProcessIdAndVersion(definition.getKey(), definition.getVersionTag());
			ProcessState oldState = oldStates.getOrDefault(process, ProcessState.NEW);
			ProcessState newState = newState(process, shipped, drafts);
			newStates.put(process, newState);

			if (activates(oldState, newState))
			{
				logger.debug("Activating process {} (Camunda version {})", process, definition.getVersion());
				engine.activateProcessDefinition(definition.getId());
			}
			else if (suspends(oldState, newState))
			{
				logger.debug("Suspending process {} (Camunda version {})", process, definition.getVersion());
				engine.suspendProcessDefinition(definition.getId());
			}
		}

		database.updateProcessStates(newStates);

		List<ProcessStateChange> changes = new ArrayList<>();
		newStates.forEach((process, newState) -> changes
				.add(new ProcessStateChange(process, oldStates.getOrDefault(process, ProcessState.NEW), newState)));
		changes.forEach(c -> logger.info("Process {}", c));
		return changes;
	}

	private ProcessState newState(ProcessIdAndVersion process, Set<ProcessIdAndVersion> shipped,
			Set<ProcessIdAndVersion> drafts)
	{
		if (settings.excluded().contains(process))
			return ProcessState.EXCLUDED;
		if (settings.retired().contains(process))
			return ProcessState.RETIRED;
		if (drafts.contains(process))
			return ProcessState.DRAFT;
		return shipped.contains(process) ? ProcessState.ACTIVE : ProcessState.EXCLUDED;
	}

	private static boolean activates(ProcessState oldState, ProcessState newState)
	{
		return (oldState == ProcessState.RETIRED || oldState == ProcessState.EXCLUDED)
				&& (newState == ProcessState.ACTIVE || newState == ProcessState.DRAFT);
	}

	private static boolean suspends(ProcessState oldState, ProcessState newState)
	{
		return (oldState == ProcessState.NEW || oldState == ProcessState.ACTIVE || oldState == ProcessState.DRAFT)
				&& (newState == ProcessState.RETIRED || newState == ProcessState.EXCLUDED);
	}

	private void deploy(ProcessModel model)
	{
		engine.deploy(model.resourceName(), model.model());
		if (!model.draft())
			return;

		// a changed draft is a new Camunda version of the same id|version: only the newest stays startable (DSF orders
		// by deployment time only; the version breaks ties of deployments within one clock tick)
		List<ProcessDefinition> active = repository().createProcessDefinitionQuery()
				.processDefinitionKey(model.process().id()).versionTag(model.process().version()).active()
				.orderByDeploymentTime().desc().orderByProcessDefinitionVersion().desc().list();
		active.stream().skip(1).forEach(d ->
		{
			logger.debug("Suspending older draft {} (Camunda version {})", model.process(), d.getVersion());
			engine.suspendProcessDefinition(d.getId());
		});
	}

	private RepositoryService repository()
	{
		return engine.processEngine().getRepositoryService();
	}
}
