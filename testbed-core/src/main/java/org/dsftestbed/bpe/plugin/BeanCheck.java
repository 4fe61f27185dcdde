package org.dsftestbed.bpe.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.model.bpmn.instance.Process;
import org.dsftestbed.bpe.plugin.ProcessElements.Delegate;

/**
 * The check DSF 1.9.0 makes once a plugin's Spring context runs: every {@code camunda:class} of a process (service and
 * send tasks, message throw and end events, task and execution listeners, also in sub-processes) must load through the
 * plugin's class loader, implement the interface its element calls (JavaDelegate, TaskListener, ExecutionListener)
 * and be the type of exactly one bean of the context, of prototype scope — the engine gets a fresh instance per
 * execution from the context. A process that fails is left out; a plugin left without processes is rejected.
 * <p>
 * The engine runs it after creating the plugin's context: {@code BeanCheck.apply(plugin, PluginBeans.of(context))}.
 */
public final class BeanCheck
{
	private BeanCheck()
	{
	}

	/**
	 * @return the plugin, without the processes that fail (with findings saying why), or, if none is left, the plugin
	 *         rejected; its class loader is then closed, so close the Spring context first
	 */
	public static PluginLoadResult apply(LoadedPlugin plugin, PluginBeans beans)
	{
		Findings findings = new Findings(plugin.source().name());
		List<PluginProcess> remaining = new ArrayList<>();
		for (PluginProcess process : plugin.processes())
			if (check(process, plugin.classLoader(), beans, findings))
				remaining.add(process);

		if (remaining.isEmpty())
		{
			findings.add(Rule.VALID_PROCESS, null, "no process left whose classes are beans of the plugin's context");
			return plugin.reject(findings.list());
		}
		return plugin.withProcesses(remaining, findings.list());
	}

	private static boolean check(PluginProcess process, ClassLoader classLoader, PluginBeans beans, Findings findings)
	{
		boolean ok = true;
		Process bpmnProcess = process.model().getModelElementById(process.id().id());
		for (Delegate delegate : ProcessElements.delegates(bpmnProcess))
		{
			Optional<String> problem = problem(delegate, classLoader, beans);
			if (problem.isPresent())
			{
				findings.add(Rule.PROCESS_BEANS, process.bpmnFile(), "process " + process.id() + ", element "
						+ delegate.elementId() + ": " + problem.get());
				ok = false;
			}
		}
		return ok;
	}

	private static Optional<String> problem(Delegate delegate, ClassLoader classLoader, PluginBeans beans)
	{
		Class<?> type;
		try
		{
			type = classLoader.loadClass(delegate.className());
		}
		catch (ClassNotFoundException | LinkageError e)
		{
			return Optional.of("class " + delegate.className() + " cannot be loaded: " + e);
		}

		List<String> names = beans.beanNamesForType(type);
		if (names.isEmpty())
			return Optional.of("no bean of type " + type.getName() + " in the plugin's Spring context");
		if (names.size() > 1)
			return Optional
					.of(names.size() + " beans of type " + type.getName() + " " + names + ", expected exactly 1");

		List<String> problems = new ArrayList<>();
		if (!beans.isPrototype(names.get(0)))
			problems.add("bean '" + names.get(0) + "' is not of prototype scope");
		if (!delegate.expectedInterface().isAssignableFrom(type))
			problems.add(type.getName() + " does not implement " + delegate.expectedInterface().getName());
		return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", problems));
	}
}
