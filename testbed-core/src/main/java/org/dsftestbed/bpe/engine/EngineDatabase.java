package org.dsftestbed.bpe.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory H2 database an organization's Camunda engine keeps its deployments, process instances, jobs and
 * history in (DSF: the Camunda tables of the BPE's PostgreSQL database).
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
 */
public final class EngineDatabase implements AutoCloseable
{
	private static final Logger logger = LoggerFactory.getLogger(EngineDatabase.class);

	private final String name;
	private final String jdbcUrl;
	private boolean inUse;
	private boolean dropped;

	private EngineDatabase(String name)
	{
		this.name = name;
		// DB_CLOSE_DELAY=-1: the database lives until SHUTDOWN, not until its last connection closes
		this.jdbcUrl = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
	}

	/** A new, empty database named after the organization (plus a random part: several networks share a JVM). */
	public static EngineDatabase inMemory(String organizationIdentifier)
	{
		Objects.requireNonNull(organizationIdentifier, "organizationIdentifier");
		return new EngineDatabase(organizationIdentifier.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + UUID.randomUUID());
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

	/** Drops the database and its data; an engine still using it fails from then on. Repeated calls do nothing. */
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
