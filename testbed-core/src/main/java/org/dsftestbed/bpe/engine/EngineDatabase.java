package org.dsftestbed.bpe.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 database an organization's Camunda engine keeps its deployments, process instances, jobs and history in (DSF:
 * the Camunda tables of the BPE's PostgreSQL database): in memory, or {@linkplain #onDisk on disk} where the data must
 * outlive the process (the organization image with a data directory).
 * <p>
 * An engine built without one gets a fresh database that is dropped when the engine closes. An engine built
 * {@linkplain EngineOptions#withDatabase(EngineDatabase) with one} leaves it in place on close, so that a later engine
 * of the same organization starts on it as a restarted DSF BPE starts on its database: deployments, suspended
 * definitions and running process instances are still there. The owner drops it with {@link #close()}.
 *
 * <pre>{@code
 * EngineDatabase database = EngineDatabase.inMemory("dic.dsf.test");
 * engines.create(EngineOptions.forOrganization("dic.dsf.test").withDatabase(database)).close(); // offline
 * engines.create(EngineOptions.forOrganization("dic.dsf.test").withDatabase(database));         // back, same data
 * database.close();
 * }</pre>
 *
 * On disk, {@link #close()} closes the files instead of dropping the data, and a later {@link #onDisk} on the same
 * directory (in this or another process) finds everything committed before.
 */
public final class EngineDatabase implements AutoCloseable
{
	private static final Logger logger = LoggerFactory.getLogger(EngineDatabase.class);

	/** The file name H2 gives the database {@link #onDisk} opens, in its directory. */
	public static final String FILE_NAME = "engine.mv.db";

	private final String name;
	private final String jdbcUrl;
	private boolean inUse;
	private boolean dropped;

	/**
	 * Parsed statements H2 keeps per connection (its default is 8): Camunda runs a few dozen distinct statements per
	 * command, so with the default nearly every one is parsed again; parsing was about a third of the engines' H2 time
	 * in a ping round. Only the cost changes, not what a statement returns.
	 */
	private static final int PARSED_STATEMENTS_PER_CONNECTION = 256;

	private EngineDatabase(String name, String jdbcUrl)
	{
		this.name = name;
		this.jdbcUrl = jdbcUrl + ";QUERY_CACHE_SIZE=" + PARSED_STATEMENTS_PER_CONNECTION;
	}

	private EngineDatabase(String name)
	{
		// DB_CLOSE_DELAY=-1: the database lives until SHUTDOWN, not until its last connection closes
		this(name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
	}

	/** A new, empty database named after the organization (plus a random part: several networks share a JVM). */
	public static EngineDatabase inMemory(String organizationIdentifier)
	{
		Objects.requireNonNull(organizationIdentifier, "organizationIdentifier");
		return new EngineDatabase(organizationIdentifier.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + UUID.randomUUID());
	}

	/**
	 * The database in {@value #FILE_NAME} of {@code directory} (created with the directory when absent), opened once to
	 * see that it is usable. It is closed by {@link #close()} only, not by H2 at the JVM's exit: the organization's
	 * shutdown hook still needs it to stop the engine.
	 *
	 * @throws IOException
	 *             naming the file and H2's reason when it cannot be opened (not an H2 database, damaged, locked by
	 *             another process)
	 */
	public static EngineDatabase onDisk(String organizationIdentifier, Path directory) throws IOException
	{
		Objects.requireNonNull(organizationIdentifier, "organizationIdentifier");
		Files.createDirectories(directory);
		Path file = directory.resolve(FILE_NAME);
		String base = file.toAbsolutePath().toString();
		base = base.substring(0, base.length() - ".mv.db".length());
		EngineDatabase database = new EngineDatabase(organizationIdentifier + " in " + file,
				"jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE");
		try (Connection connection = new org.h2.Driver().connect(database.jdbcUrl, credentials());
				Statement statement = connection.createStatement())
		{
			statement.execute("SELECT 1");
		}
		catch (SQLException e)
		{
			throw new IOException(file + " is not a usable H2 database: " + firstLine(e.getMessage()), e);
		}
		return database;
	}

	private static String firstLine(String text)
	{
		return text == null ? "" : text.lines().findFirst().orElse("");
	}

	String jdbcUrl()
	{
		return jdbcUrl;
	}

	/** Marks the database used by an engine; one engine at a time, as one DSF BPE per database. */
	synchronized void acquire(String organizationIdentifier)
	{
		if (dropped)
			throw new IllegalStateException("The engine database " + name + " of organization "
					+ organizationIdentifier + " was dropped; create a new one");
		if (inUse)
			throw new IllegalStateException("The engine database " + name + " of organization "
					+ organizationIdentifier + " is in use by a running engine; close that engine (stop the BPE) first");
		inUse = true;
	}

	synchronized void release()
	{
		inUse = false;
	}

	/**
	 * Drops the database and its data (on disk: closes its files, the data stays); an engine still using it fails from
	 * then on. Repeated calls do nothing.
	 */
	@Override
	public synchronized void close()
	{
		if (dropped)
			return;
		dropped = true;
		try (Connection connection = new org.h2.Driver().connect(jdbcUrl + ";IFEXISTS=TRUE", credentials());
				Statement statement = connection.createStatement())
		{
			if (connection != null)
				statement.execute("SHUTDOWN");
		}
		catch (SQLException e)
		{
			logger.warn("Unable to drop engine database {}: {}", name, e.getMessage());
		}
	}

	static Properties credentials()
	{
		Properties properties = new Properties();
		properties.setProperty("user", "sa");
		properties.setProperty("password", "");
		return properties;
	}

	@Override
	public String toString()
	{
		return "EngineDatabase[" + name + "]";
	}
}
