package org.dsftestbed.bpe.plugin;

import java.util.Set;

import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * DSF 1.9.0's checks of one parsed plugin FHIR resource, by type. Only the nine types the BPE uploads are allowed.
 * Metadata resources need a url and the resource version as version; an ActivityDefinition's url must name a process
 * ({@value ProcessUrl#FORM}); a NamingSystem needs a name (DSF checks nothing else of it); Tasks are templates, see
 * {@link TaskTemplateCheck}. Every problem of a resource is reported; a resource with any is left out.
 */
final class FhirResourceCheck
{
	private static final Set<Class<? extends MetadataResource>> PLAIN_METADATA_TYPES = Set.of(CodeSystem.class,
			Library.class, Measure.class, Questionnaire.class, StructureDefinition.class, ValueSet.class);

	private final String resourceVersion;
	private final TaskTemplateCheck taskCheck;
	private final Findings findings;

	FhirResourceCheck(String resourceVersion, String localOrganizationIdentifier, Findings findings)
	{
		this.resourceVersion = resourceVersion;
		this.taskCheck = new TaskTemplateCheck(localOrganizationIdentifier, findings);
		this.findings = findings;
	}

	boolean isValid(String file, Resource resource)
	{
		int mark = findings.size();
		if (resource instanceof ActivityDefinition activityDefinition)
			checkActivityDefinition(file, activityDefinition);
		else if (PLAIN_METADATA_TYPES.contains(resource.getClass()))
			checkMetadata(file, (MetadataResource) resource);
		else if (resource instanceof NamingSystem namingSystem)
			checkNamingSystem(file, namingSystem);
		else if (resource instanceof Task task)
			taskCheck.check(file, task);
		else
			findings.add(Rule.FHIR_RESOURCE_TYPE, file, resource.getResourceType().name()
					+ " is not one of ActivityDefinition, CodeSystem, Library, Measure, NamingSystem, Questionnaire,"
					+ " StructureDefinition, Task, ValueSet");
		return !findings.addedSince(mark);
	}

	private void checkMetadata(String file, MetadataResource resource)
	{
		if (!resource.hasUrl())
			findings.add(Rule.FHIR_URL, file, resource.getResourceType().name() + ".url is missing");
		checkVersion(file, resource);
	}

	private void checkVersion(String file, MetadataResource resource)
	{
		String type = resource.getResourceType().name();
		if (!resource.hasVersion())
			findings.add(Rule.FHIR_VERSION, file,
					type + ".version is missing, expected resource version '" + resourceVersion + "'");
		else if (!resource.getVersion().equals(resourceVersion))
			findings.add(Rule.FHIR_VERSION, file, type + ".version '" + resource.getVersion()
					+ "' does not equal resource version '" + resourceVersion + "'");
	}

	private void checkActivityDefinition(String file, ActivityDefinition activityDefinition)
	{
		if (!activityDefinition.hasUrl())
			// DSF matches the missing url against its pattern and throws
			findings.addAbortingDsfStartup(Rule.FHIR_URL, file, "ActivityDefinition.url is missing");
		else if (ProcessUrl.parse(activityDefinition.getUrl()).isEmpty())
			findings.add(Rule.ACTIVITY_DEFINITION_URL, file, "ActivityDefinition.url '" + activityDefinition.getUrl()
					+ "' does not have the form " + ProcessUrl.FORM);
		checkVersion(file, activityDefinition);
	}

	private void checkNamingSystem(String file, NamingSystem namingSystem)
	{
		if (!namingSystem.hasName())
			findings.add(Rule.NAMING_SYSTEM_NAME, file, "NamingSystem.name is missing");
	}
}
