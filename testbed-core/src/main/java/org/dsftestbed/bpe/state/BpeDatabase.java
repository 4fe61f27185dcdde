package org.dsftestbed.bpe.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dsftestbed.bpe.engine.EngineDatabase;
import org.dsftestbed.bpe.plugin.ProcessIdAndVersion;

/**
 * What one organization's BPE persists between starts, in memory or {@linkplain #inDirectory in a directory}: DSF's BPE
 * database with its tables
 * {@code process_states} (a {@link ProcessState} per process {@code id|version}), {@code process_plugin_resources} (the
 * FHIR resources uploaded per process, with their server ids) and Camunda's tables ({@link #engineDatabase()}).
 * <p>
 * The caller keeps it across the starts of one organization's BPE, so that stopping and starting the BPE behaves as a
 * DSF BPE restarted on the same database: a process no longer shipped becomes EXCLUDED and its resources are deleted,
 * an ACTIVE process now listed as retired gets its resources PUT with status retired, a redeployed draft gets its
 * resources PUT again and running process instances go on. A new database behaves as DSF's first start.
 *
 * <pre>{@code
 * BpeDatabase database = BpeDatabase.inMemory("dic.dsf.test");
 * OrganizationBpe bpe = OrganizationBpe.start(config.withDatabase(database));
 * bpe.close();                                              // organization goes offline
 * bpe = OrganizationBpe.start(config.withDatabase(database)); // and back
 * ...
 * database.close();                                         // drops the data
 * }</pre>
 *
 * In a directory the states and resource records are written to a file at every change and Camunda's tables are an H2
 * file database, so a BPE in a new process on the same directory finds them (the organization image's data
 * directory); {@link #close()} then keeps the data.
 * <p>
 * Thread-safe; one BPE uses it at a time (the engine database refuses a second engine).
 */
public final class BpeDatabase implements AutoCloseable
{
	/** The file of the process states and resource records in a database's directory. */
	public static final String STATE_FILE_NAME = "process-states.json";

	private final EngineDatabase engineDatabase;
	private final Map<ProcessIdAndVersion, ProcessState> states = new LinkedHashMap<>();
	private final Map<ProcessIdAndVersion, List<ResourceRecord>> resources = new LinkedHashMap<>();
	/** {@code null}: in memory only. */
	private final BpeStateFile stateFile;

	private BpeDatabase(EngineDatabase engineDatabase, BpeStateFile stateFile)
	{
		this.engineDatabase = engineDatabase;
		this.stateFile = stateFile;
	}

	/** An empty database for the organization's BPE: its first start finds every process NEW. */
	public static BpeDatabase inMemory(String organizationIdentifier)
	{
		return new BpeDatabase(EngineDatabase.inMemory(organizationIdentifier), null);
	}

	/**
	 * The database kept in {@code directory} (created when absent): {@value #STATE_FILE_NAME} and Camunda's
	 * {@value EngineDatabase#FILE_NAME}. An empty directory is a new database.
	 *
	 * @throws IOException
	 *             naming the file that cannot be read or used, and why
	 */
	public static BpeDatabase inDirectory(String organizationIdentifier, Path directory) throws IOException
	{
		Files.createDirectories(directory);
		BpeStateFile stateFile = new BpeStateFile(directory.resolve(STATE_FILE_NAME));
		Map<ProcessIdAndVersion, ProcessState> states = new LinkedHashMap<>();
		Map<ProcessIdAndVersion, List<ResourceRecord>> resources = new LinkedHashMap<>();
		stateFile.read(states, resources);
		BpeDatabase database = new BpeDatabase(EngineDatabase.onDisk(organizationIdentifier, directory), stateFile);
		database.states.putAll(states);
		resources.forEach((process, records) -> database.resources.put(process, new ArrayList<>(records)));
		return database;
	}

	/** Camunda's tables: deployments, definitions and their suspension, process instances, jobs, history. */
	public EngineDatabase engineDatabase()
	{
		return engineDatabase;
	}

	/** The states recorded by the last start, per process; empty before the first. */
	public synchronized Map<ProcessIdAndVersion, ProcessState> processStates()
	{
		return Map.copyOf(states);
	}

	/** Records new states; processes not named keep theirs (DSF never removes a state). */
	public synchronized void updateProcessStates(Map<ProcessIdAndVersion, ProcessState> newStates)
	{
		states.putAll(newStates);
		save();
	}

	/** The uploaded resources per process. */
	public synchronized Map<ProcessIdAndVersion, List<ResourceRecord>> resources()
	{
		Map<ProcessIdAndVersion, List<ResourceRecord>> copy = new HashMap<>();
		resources.forEach((process, records) -> copy.put(process, List.copyOf(records)));
		return copy;
	}

	/**
	 * Records an upload as DSF's {@code ProcessPluginResourcesDao.addOrRemoveResources} does, in this order: each record
	 * of {@code uploaded} added to its processes (replacing the record of the same resource, so its id is updated);
	 * then the records of every process whose resource id is in {@code deletedIds} removed (a {@code null} id matches
	 * nothing, as in SQL); then all records of the {@code excluded} processes removed.
	 */
	public synchronized void updateResources(Map<ProcessIdAndVersion, List<ResourceRecord>> uploaded,
			Collection<String> deletedIds, Collection<ProcessIdAndVersion> excluded)
	{
		Objects.requireNonNull(uploaded, "uploaded");
		Objects.requireNonNull(deletedIds, "deletedIds");
		Objects.requireNonNull(excluded, "excluded");

		uploaded.forEach((process, records) ->
		{
			List<ResourceRecord> known = resources.computeIfAbsent(process, p -> new ArrayList<>());
			for (ResourceRecord record : records)
			{
				known.removeIf(record::sameResource);
				known.add(record);
			}
		});
		resources.values().forEach(records -> records
				.removeIf(r -> r.resourceId() != null && deletedIds.contains(r.resourceId())));
		excluded.forEach(resources::remove);
		resources.values().removeIf(List::isEmpty);
		save();
	}

	private void save()
	{
		if (stateFile != null)
			stateFile.write(states, resources);
	}

	/** Drops everything, Camunda's tables included; in a directory, closes the engine database and keeps the files. */
	@Override
	public synchronized void close()
	{
		states.clear();
		resources.clear();
		engineDatabase.close();
	}
}
