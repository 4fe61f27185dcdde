package org.dsftestbed.bpe.plugin;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dsftestbed.bpe.plugin.ResourcePlaceholders.UnresolvablePlaceholderException;
import org.dsftestbed.fhir.context.FhirContexts;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.parser.IParser;

/**
 * Reads a plugin's FHIR resources ({@code getFhirResourcesByProcessId()}), each distinct file once: path ends in
 * {@code .xml} or {@code .json}, file exists, placeholders replaced, parsed with HAPI FHIR's R4 parser (lenient, as
 * DSF's), checked by {@link FhirResourceCheck}. Files that break a rule are left out.
 */
final class FhirFiles
{
	private final ClassLoader classLoader;
	private final ResourcePlaceholders placeholders;
	private final FhirResourceCheck check;
	private final Findings findings;

	private FhirFiles(ClassLoader classLoader, ResourcePlaceholders placeholders, FhirResourceCheck check,
			Findings findings)
	{
		this.classLoader = classLoader;
		this.placeholders = placeholders;
		this.check = check;
		this.findings = findings;
	}

	/** The valid resources by file. */
	static Map<String, Resource> read(DefinitionValues values, ClassLoader classLoader,
			ResourcePlaceholders placeholders, FhirResourceCheck check, Findings findings)
	{
		FhirFiles reader = new FhirFiles(classLoader, placeholders, check, findings);
		Set<String> files = new LinkedHashSet<>();
		values.fhirResourcesByProcessId().values().forEach(files::addAll);

		Map<String, Resource> resources = new LinkedHashMap<>();
		for (String file : files)
			reader.read(file).ifPresent(r -> resources.put(file, r));
		return resources;
	}

	private Optional<Resource> read(String file)
	{
		if (!file.endsWith(".xml") && !file.endsWith(".json"))
		{
			findings.add(Rule.FHIR_FILE_NAME, file, "FHIR resource path does not end in .xml or .json");
			return Optional.empty();
		}
		return PluginFiles.read(classLoader, file, findings, Rule.FHIR_FILE_READABLE, "FHIR resource")
				.flatMap(content -> parse(file, content)).filter(r -> check.isValid(file, r));
	}

	/** DSF catches neither failure: its BPE would not start. */
	private Optional<Resource> parse(String file, String content)
	{
		try
		{
			IBaseResource parsed = parser(file).parseResource(placeholders.inFhir(content));
			return Optional.of((Resource) parsed);
		}
		catch (UnresolvablePlaceholderException e)
		{
			findings.addAbortingDsfStartup(Rule.PLACEHOLDERS_RESOLVABLE, file, e.getMessage());
		}
		catch (RuntimeException e)
		{
			findings.addAbortingDsfStartup(Rule.FHIR_PARSEABLE, file, "not a FHIR R4 resource: " + e.getMessage());
		}
		return Optional.empty();
	}

	private static IParser parser(String file)
	{
		return file.endsWith(".json") ? FhirContexts.r4().newJsonParser() : FhirContexts.r4().newXmlParser();
	}
}
