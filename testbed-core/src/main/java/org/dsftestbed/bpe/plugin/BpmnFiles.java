package org.dsftestbed.bpe.plugin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.dsftestbed.bpe.plugin.ResourcePlaceholders.UnresolvablePlaceholderException;

/**
 * Reads a plugin's process models ({@code getProcessModels()}): path ends in {@code .bpmn}, file exists, placeholders
 * replaced, parsed with Camunda's model API (which also checks the BPMN schema). A file listed twice is read twice, as
 * in DSF, and then breaks the unique process id rule.
 */
final class BpmnFiles
{
	/** A parsed process model and the path it was read from. */
	record BpmnFile(String file, BpmnModelInstance model)
	{
	}

	private final ClassLoader classLoader;
	private final ResourcePlaceholders placeholders;
	private final Findings findings;

	private BpmnFiles(ClassLoader classLoader, ResourcePlaceholders placeholders, Findings findings)
	{
		this.classLoader = classLoader;
		this.placeholders = placeholders;
		this.findings = findings;
	}

	static List<BpmnFile> read(List<String> files, ClassLoader classLoader, ResourcePlaceholders placeholders,
			Findings findings)
	{
		BpmnFiles reader = new BpmnFiles(classLoader, placeholders, findings);
		List<BpmnFile> read = new ArrayList<>();
		for (String file : files)
			reader.read(file).ifPresent(read::add);
		return read;
	}

	private Optional<BpmnFile> read(String file)
	{
		if (!file.endsWith(".bpmn"))
		{
			findings.add(Rule.BPMN_FILE_NAME, file, "process model path does not end in .bpmn");
			return Optional.empty();
		}
		return PluginFiles.read(classLoader, file, findings, Rule.BPMN_FILE_READABLE, "process model")
				.flatMap(content -> parse(file, content));
	}

	/** DSF catches neither failure: its BPE would not start. */
	private Optional<BpmnFile> parse(String file, String content)
	{
		try
		{
			String replaced = placeholders.inBpmn(content);
			BpmnModelInstance model = Bpmn
					.readModelFromStream(new ByteArrayInputStream(replaced.getBytes(StandardCharsets.UTF_8)));
			return Optional.of(new BpmnFile(file, model));
		}
		catch (UnresolvablePlaceholderException e)
		{
			findings.addAbortingDsfStartup(Rule.PLACEHOLDERS_RESOLVABLE, file, e.getMessage());
		}
		catch (RuntimeException e)
		{
			findings.addAbortingDsfStartup(Rule.BPMN_PARSEABLE, file, "not a valid BPMN file: " + messageOf(e));
		}
		return Optional.empty();
	}

	/** Camunda wraps the parser's reason; the innermost message says what is wrong. */
	private static String messageOf(Throwable e)
	{
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause)
			cause = cause.getCause();
		return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + cause.getMessage();
	}
}
