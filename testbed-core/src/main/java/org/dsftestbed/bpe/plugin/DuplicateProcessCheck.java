package org.dsftestbed.bpe.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * No two plugins of a BPE may deploy the same process id|version. DSF 1.9.0 drops every plugin all of whose processes
 * another plugin also has (two copies of a plugin: both go). A plugin that still has a process of its own is kept
 * (one with ping and pong stays when another has only ping) — but if two kept plugins still share a process, DSF's
 * start-up fails on the duplicate. The testbed rejects both of those instead, and says so.
 * <p>
 * DSF applies it last, to the plugins that passed every other check: the engine calls it after the
 * {@linkplain BeanCheck bean check}.
 */
public final class DuplicateProcessCheck
{
	private DuplicateProcessCheck()
	{
	}

	/**
	 * @return the results in the same order, plugins that fail replaced by rejections (their class loaders closed)
	 */
	public static List<PluginLoadResult> apply(List<? extends PluginLoadResult> results)
	{
		List<LoadedPlugin> loaded = loaded(results);
		Map<ProcessIdAndVersion, List<LoadedPlugin>> owners = owners(loaded);
		List<LoadedPlugin> keptList = loaded.stream().filter(p -> hasOwnProcess(p, owners)).toList();
		Set<LoadedPlugin> kept = Collections.newSetFromMap(new IdentityHashMap<>());
		kept.addAll(keptList);
		Map<ProcessIdAndVersion, List<LoadedPlugin>> keptOwners = owners(keptList);

		List<PluginLoadResult> checked = new ArrayList<>();
		for (PluginLoadResult result : results)
		{
			if (!(result instanceof LoadedPlugin plugin))
				checked.add(result);
			else if (!kept.contains(plugin))
				checked.add(plugin.reject(findings(plugin, owners, false)));
			else if (sharesProcess(plugin, keptOwners))
				checked.add(plugin.reject(findings(plugin, keptOwners, true)));
			else
				checked.add(plugin);
		}
		return checked;
	}

	private static List<LoadedPlugin> loaded(List<? extends PluginLoadResult> results)
	{
		return results.stream().filter(LoadedPlugin.class::isInstance).map(LoadedPlugin.class::cast).toList();
	}

	private static Map<ProcessIdAndVersion, List<LoadedPlugin>> owners(List<LoadedPlugin> plugins)
	{
		Map<ProcessIdAndVersion, List<LoadedPlugin>> owners = new LinkedHashMap<>();
		plugins.forEach(p -> p.processIds().forEach(id -> owners.computeIfAbsent(id, k -> new ArrayList<>()).add(p)));
		return owners;
	}

	private static boolean hasOwnProcess(LoadedPlugin plugin, Map<ProcessIdAndVersion, List<LoadedPlugin>> owners)
	{
		return plugin.processIds().stream().anyMatch(id -> owners.get(id).size() == 1);
	}

	private static boolean sharesProcess(LoadedPlugin plugin, Map<ProcessIdAndVersion, List<LoadedPlugin>> owners)
	{
		return plugin.processIds().stream().anyMatch(id -> owners.get(id).size() > 1);
	}

	private static List<Finding> findings(LoadedPlugin plugin, Map<ProcessIdAndVersion, List<LoadedPlugin>> owners,
			boolean abortsDsfStartup)
	{
		return plugin.processIds().stream().filter(id -> owners.get(id).size() > 1)
				.map(id -> new Finding(plugin.source().name(), null, Rule.UNIQUE_PROCESS,
						"process " + id + " is also deployed by " + others(plugin, owners.get(id)), abortsDsfStartup))
				.toList();
	}

	private static String others(LoadedPlugin plugin, List<LoadedPlugin> owners)
	{
		Set<String> names = owners.stream().filter(o -> o != plugin).map(o -> o.source().name())
				.collect(Collectors.toCollection(TreeSet::new));
		return String.join(", ", names);
	}
}
