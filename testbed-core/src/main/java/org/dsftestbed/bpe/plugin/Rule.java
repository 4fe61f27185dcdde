package org.dsftestbed.bpe.plugin;

/**
 * The rules DSF 1.9.0's BPE applies when it loads a v1 process plugin (spec §5.1–5.3), each with what breaking it
 * costs. DSF is forgiving below the plugin level: a FHIR file or BPMN model that breaks a rule is left out, a process
 * without a fitting ActivityDefinition is left out, and only a plugin with nothing left (or with a broken definition)
 * is ignored as a whole. Findings of a {@link LoadedPlugin} therefore name what was left out of it.
 */
public enum Rule
{
	// the source and its ProcessPluginDefinition service
	SOURCE_READABLE(Effect.PLUGIN_REJECTED, "the source is a readable jar (zip) file or directory"),
	SINGLE_DEFINITION(Effect.PLUGIN_REJECTED,
			"exactly one provider in META-INF/services/dev.dsf.bpe.v1.ProcessPluginDefinition"),
	DEFINITION_INSTANTIABLE(Effect.PLUGIN_REJECTED, "the ProcessPluginDefinition class loads and instantiates"),
	LOADS_WITHOUT_ERROR(Effect.PLUGIN_REJECTED, "loading the plugin throws no unexpected exception"),
	DEFINITION_CALLABLE(Effect.PLUGIN_REJECTED, "the ProcessPluginDefinition's methods return without an exception"),

	// the definition's values
	NAME(Effect.PLUGIN_REJECTED, "getName() is not blank"),
	VERSION(Effect.PLUGIN_REJECTED, "getVersion() matches \\d+\\.\\d+\\.\\d+\\.\\d+"),
	RESOURCE_VERSION(Effect.PLUGIN_REJECTED, "getResourceVersion() matches \\d+\\.\\d+"),
	RELEASE_DATE(Effect.PLUGIN_REJECTED, "getReleaseDate() is not null"),
	RESOURCE_RELEASE_DATE(Effect.PLUGIN_REJECTED, "getResourceReleaseDate() is not null"),
	SPRING_CONFIGURATIONS(Effect.PLUGIN_REJECTED,
			"getSpringConfigurations() is not empty and all its classes are annotated @Configuration"),
	FHIR_RESOURCES_BY_PROCESS_ID(Effect.PLUGIN_REJECTED, "getFhirResourcesByProcessId() is not empty"),
	PROCESS_MODELS(Effect.PLUGIN_REJECTED, "getProcessModels() is not empty"),
	NO_NULL_ENTRIES(Effect.PLUGIN_REJECTED, "the definition's lists contain no null"),

	// reading files
	PLACEHOLDERS_RESOLVABLE(Effect.PLUGIN_REJECTED, "every #{...} placeholder (and ${...} in FHIR files) resolves"),

	// BPMN models
	BPMN_FILE_NAME(Effect.FILE_IGNORED, "a process model's path ends in .bpmn"),
	BPMN_FILE_READABLE(Effect.FILE_IGNORED, "a process model is a resource of the plugin"),
	BPMN_PARSEABLE(Effect.PLUGIN_REJECTED, "a process model is well-formed, schema-valid BPMN"),
	BPMN_VALID(Effect.FILE_IGNORED, "a process model passes Camunda's model validation"),
	BPMN_SINGLE_PROCESS(Effect.FILE_IGNORED, "a process model holds exactly one process"),
	BPMN_VERSION_TAG(Effect.FILE_IGNORED, "camunda:versionTag equals the resource version"),
	BPMN_PROCESS_ID(Effect.FILE_IGNORED, "the process id matches " + ProcessUrl.PROCESS_ID_FORM),
	BPMN_MESSAGE_FIELDS(Effect.PROCESS_IGNORED, "send tasks, message throw and message end events have non-blank"
			+ " camunda:fields instantiatesCanonical, messageName and profile"),
	BPMN_UNIQUE_PROCESS_ID(Effect.PLUGIN_REJECTED, "no two process models of a plugin have the same process id"),

	// FHIR resources
	FHIR_FILE_NAME(Effect.FILE_IGNORED, "a FHIR resource's path ends in .xml or .json"),
	FHIR_FILE_READABLE(Effect.FILE_IGNORED, "a FHIR resource is a resource of the plugin"),
	FHIR_PARSEABLE(Effect.PLUGIN_REJECTED, "a FHIR resource parses as FHIR R4"),
	FHIR_RESOURCE_TYPE(Effect.FILE_IGNORED, "a FHIR resource is an ActivityDefinition, CodeSystem, Library, Measure,"
			+ " NamingSystem, Questionnaire, StructureDefinition, Task or ValueSet"),
	FHIR_URL(Effect.FILE_IGNORED, "a metadata resource has a url"),
	FHIR_VERSION(Effect.FILE_IGNORED, "a metadata resource's version equals the resource version"),
	ACTIVITY_DEFINITION_URL(Effect.FILE_IGNORED, "an ActivityDefinition's url has the form " + ProcessUrl.FORM),
	NAMING_SYSTEM_NAME(Effect.FILE_IGNORED, "a NamingSystem has a name"),
	TASK_IDENTIFIER(Effect.FILE_IGNORED,
			"a Task template has a http://dsf.dev/sid/task-identifier identifier with a value without '|'"),
	TASK_STATUS(Effect.FILE_IGNORED, "a Task template's status is draft"),
	TASK_REQUESTER(Effect.FILE_IGNORED, "a Task template's requester is the local organization by identifier"),
	TASK_RECIPIENT(Effect.FILE_IGNORED,
			"a Task template has exactly one restriction.recipient, the local organization by identifier"),
	TASK_INSTANTIATES_CANONICAL(Effect.FILE_IGNORED,
			"a Task template's instantiatesCanonical has the form " + ProcessUrl.FORM + "|<major>.<minor>"),
	TASK_MESSAGE_NAME_INPUT(Effect.FILE_IGNORED, "a Task template has exactly one bpmn-message#message-name input"),
	TASK_OUTPUT(Effect.FILE_IGNORED, "a Task template has no output"),
	TASK_OF_PROCESS(Effect.FILE_IGNORED, "a Task template listed for a process instantiates that process and version,"
			+ " and its identifier starts with <process url>/<version>/"),
	FHIR_RESOURCES_FOR_PROCESS(Effect.FILE_IGNORED,
			"every key of getFhirResourcesByProcessId() is the id of a process model"),

	// processes
	PROCESS_FHIR_RESOURCES(Effect.PROCESS_IGNORED, "a process has valid FHIR resources"),
	PROCESS_ACTIVITY_DEFINITION(Effect.PROCESS_IGNORED, "a process has exactly one ActivityDefinition among its"
			+ " FHIR resources, and its url stands for the process id"),
	SPRING_CONTEXT(Effect.PLUGIN_REJECTED, "the plugin's Spring context (DSF's default configuration and the"
			+ " plugin's) starts"),
	PROCESS_BEANS(Effect.PROCESS_IGNORED, "every camunda:class of a process loads, implements the interface its"
			+ " element calls, and is exactly one prototype bean of the plugin's Spring context"),
	VALID_PROCESS(Effect.PLUGIN_REJECTED, "a plugin has at least one valid process"),

	// across plugins
	UNIQUE_PROCESS(Effect.PLUGIN_REJECTED, "no process id|version is shared with another plugin");

	/** What breaking a rule costs. */
	public enum Effect
	{
		/** The file (BPMN model or FHIR resource) is left out; the plugin may still load. */
		FILE_IGNORED,
		/** The process (its BPMN model and FHIR resources) is left out; the plugin may still load. */
		PROCESS_IGNORED,
		/** The plugin is not loaded. */
		PLUGIN_REJECTED
	}

	private final Effect effect;
	private final String description;

	Rule(Effect effect, String description)
	{
		this.effect = effect;
		this.description = description;
	}

	public Effect effect()
	{
		return effect;
	}

	/** The rule in one sentence, for reports. */
	public String description()
	{
		return description;
	}
}
