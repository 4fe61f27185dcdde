package org.dsftestbed.runtime.container.organization;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.dsftestbed.bpe.state.BpeDatabase;
import org.dsftestbed.fhir.store.ResourceStore;
import org.dsftestbed.fhir.store.StoreJournalFile;

/**
 * What an organization container keeps in its data directory ({@link OrganizationSettings#DATA_DIRECTORY}) across a
 * stop and start, as a DSF organization keeps its PostgreSQL databases: the FHIR server's resources with every version
 * ({@value #RESOURCE_JOURNAL}, written at every commit) and the BPE's database ({@value #BPE_DIRECTORY}/: process
 * states, uploaded-resource records, Camunda's tables).
 * <p>
 * Nothing has to be written at shutdown: every part writes its commits as they happen, so a {@code docker stop} that
 * runs out of its grace period, or a kill, loses nothing that was committed.
 */
final class OrganizationData implements AutoCloseable
{
	static final String RESOURCE_JOURNAL = "fhir-resources.jsonl";
	static final String BPE_DIRECTORY = "bpe";

	private final StoreJournalFile resources;
	private final BpeDatabase bpeDatabase;

	private OrganizationData(StoreJournalFile resources, BpeDatabase bpeDatabase)
	{
		this.resources = resources;
		this.bpeDatabase = bpeDatabase;
	}

	/**
	 * Reads what earlier starts left in the directory (nothing for an empty one).
	 *
	 * @throws UnreadableDataException
	 *             naming the file that cannot be read or used
	 */
	static OrganizationData open(String organizationIdentifier, Path directory, Clock clock)
	{
		StoreJournalFile resources;
		try
		{
			resources = StoreJournalFile.open(directory.resolve(RESOURCE_JOURNAL), clock);
		}
		catch (IOException e)
		{
			throw unreadable(e);
		}
		try
		{
			return new OrganizationData(resources,
					BpeDatabase.inDirectory(organizationIdentifier, directory.resolve(BPE_DIRECTORY)));
		}
		catch (IOException | RuntimeException e)
		{
			closeQuietly(resources);
			throw e instanceof IOException io ? unreadable(io) : (RuntimeException) e;
		}
	}

	private static UnreadableDataException unreadable(IOException e)
	{
		return new UnreadableDataException(OrganizationSettings.DATA_DIRECTORY + ": " + e.getMessage(), e);
	}

	private static void closeQuietly(StoreJournalFile resources)
	{
		try
		{
			resources.close();
		}
		catch (IOException e)
		{
			// already failing for another reason
		}
	}

	/** The FHIR server's store, journaling to the directory. */
	ResourceStore store()
	{
		return resources.store();
	}

	BpeDatabase bpeDatabase()
	{
		return bpeDatabase;
	}

	/** After BPE and server: closes the engine database and the journal; the files stay. */
	@Override
	public void close() throws IOException
	{
		try
		{
			bpeDatabase.close();
		}
		finally
		{
			resources.close();
		}
	}
}
