package org.dsftestbed.bpe.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dsftestbed.bpe.plugin.BpmnModelCheck.ValidModel;
import org.dsftestbed.bpe.plugin.ProcessUrl.Canonical;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.constants.NamingSystems.TaskIdentifier;

/**
 * Joins the valid process models with the valid FHIR resources listed for their process ids, as DSF 1.9.0 does:
 * <ul>
 * <li>a process without valid FHIR resources (no entry in {@code getFhirResourcesByProcessId()}, or all its files left
 * out) is left out;</li>
 * <li>a process must have exactly one ActivityDefinition, whose url stands for the process id
 * ({@code http://dsf.dev/bpe/Process/ping} ↔ {@code dsfdev_ping}), or it is left out;</li>
 * <li>a Task template listed for a process must instantiate that process in the resource version, with an identifier
 * starting {@code <process url>/<version>/}, or it is left out of that process;</li>
 * <li>resources listed under an id no process model has are not uploaded.</li>
 * </ul>
 */
final class ProcessAssembly
{
	private final DefinitionValues values;
	private final Map<String, Resource> resourcesByFile;
	private final Findings findings;

	private ProcessAssembly(DefinitionValues values, Map<String, Resource> resourcesByFile, Findings findings)
	{
		this.values = values;
		this.resourcesByFile = resourcesByFile;
		this.findings = findings;
	}

	/**
	 * @param modelledProcessIds
	 *            the ids of the processes of all parsed models, valid or not: resources listed for any other id are
	 *            reported (those of an invalid model go with the model's own finding)
	 */
	static List<PluginProcess> assemble(List<ValidModel> models, Set<String> modelledProcessIds,
			DefinitionValues values, Map<String, Resource> resourcesByFile, Findings findings)
	{
		ProcessAssembly assembly = new ProcessAssembly(values, resourcesByFile, findings);
		List<PluginProcess> processes = models.stream().map(assembly::assemble).flatMap(Optional::stream).toList();
		assembly.reportResourcesWithoutModel(modelledProcessIds);
		return processes;
	}

	private Optional<PluginProcess> assemble(ValidModel model)
	{
		ProcessIdAndVersion id = model.id();
		List<String> listed = values.fhirResourcesByProcessId().get(id.id());
		List<FhirResourceFile> resources = listed == null ? List.of()
				: listed.stream().filter(resourcesByFile::containsKey)
						.map(file -> new FhirResourceFile(file, resourcesByFile.get(file))).toList();
		if (resources.isEmpty())
		{
			findings.add(Rule.PROCESS_FHIR_RESOURCES, model.file(), "process " + id + " has no valid FHIR resources"
					+ (listed == null ? ": getFhirResourcesByProcessId() has no entry '" + id.id() + "'" : ""));
			return Optional.empty();
		}
		if (!hasMatchingActivityDefinition(model, resources))
			return Optional.empty();
		return Optional.of(new PluginProcess(id, model.file(), model.model(), templatesOfProcess(id, resources)));
	}

	private boolean hasMatchingActivityDefinition(ValidModel model, List<FhirResourceFile> resources)
	{
		List<ActivityDefinition> definitions = resources.stream().map(FhirResourceFile::resource)
				.filter(ActivityDefinition.class::isInstance).map(ActivityDefinition.class::cast).toList();
		if (definitions.size() != 1)
		{
			findings.add(Rule.PROCESS_ACTIVITY_DEFINITION, model.file(), "process " + model.id() + " has "
					+ definitions.size() + " ActivityDefinitions among its FHIR resources, expected exactly 1");
			return false;
		}
		String url = definitions.get(0).getUrl();
		String urlProcessId = ProcessUrl.parse(url).map(ProcessUrl::processId).orElse(null);
		if (!model.id().id().equals(urlProcessId))
		{
			findings.add(Rule.PROCESS_ACTIVITY_DEFINITION, model.file(), "ActivityDefinition.url '" + url
					+ "' stands for process id '" + urlProcessId + "', not '" + model.id().id() + "'");
			return false;
		}
		return true;
	}

	/** The resources without the Task templates that do not belong to the process. */
	private List<FhirResourceFile> templatesOfProcess(ProcessIdAndVersion id, List<FhirResourceFile> resources)
	{
		List<FhirResourceFile> kept = new ArrayList<>();
		for (FhirResourceFile resource : resources)
			if (!(resource.resource() instanceof Task task) || belongsTo(id, resource.file(), task))
				kept.add(resource);
		return kept;
	}

	private boolean belongsTo(ProcessIdAndVersion id, String file, Task task)
	{
		// the template passed TaskTemplateCheck: its canonical parses and it has an identifier value
		Canonical canonical = ProcessUrl.parseCanonical(task.getInstantiatesCanonical()).orElseThrow();
		String identifier = TaskIdentifier.findFirst(task).map(Identifier::getValue).orElseThrow();
		int mark = findings.size();
		if (!canonical.processUrl().processId().equals(id.id()))
			findings.add(Rule.TASK_OF_PROCESS, file, "Task.instantiatesCanonical '" + task.getInstantiatesCanonical()
					+ "' names process " + canonical.processUrl().processId() + ", but the Task is listed for "
					+ id.id());
		if (!canonical.version().equals(id.version()))
			findings.add(Rule.TASK_OF_PROCESS, file, "Task.instantiatesCanonical '" + task.getInstantiatesCanonical()
					+ "' has version " + canonical.version() + ", not the resource version " + id.version());
		if (!identifier.startsWith(canonical.taskIdentifierPrefix()))
			findings.add(Rule.TASK_OF_PROCESS, file, "Task identifier value '" + identifier + "' does not start with '"
					+ canonical.taskIdentifierPrefix() + "'");
		return !findings.addedSince(mark);
	}

	private void reportResourcesWithoutModel(Set<String> modelledProcessIds)
	{
		values.fhirResourcesByProcessId().keySet().stream().filter(key -> !modelledProcessIds.contains(key))
				.forEach(key -> findings.add(Rule.FHIR_RESOURCES_FOR_PROCESS, null, "getFhirResourcesByProcessId()"
						+ " key '" + key + "' is the id of no process model: its FHIR resources are not uploaded"));
	}
}
