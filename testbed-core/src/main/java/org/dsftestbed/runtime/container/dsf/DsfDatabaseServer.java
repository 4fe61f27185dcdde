package org.dsftestbed.runtime.container.dsf;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one PostgreSQL server of a network on the {@code dsf} image set, laid out as DSF's test setups do (spec §6.3):
 * the superuser is {@value #LIQUIBASE_USER}, its password a secret file, and an init script creates one database per
 * organization and server ({@code <prefix>_fhir}, {@code <prefix>_bpe}). Each DSF server runs Liquibase on start and
 * creates its own users and groups; because all organizations share the cluster, their names carry the organization's
 * {@link #prefix(String) prefix}.
 *
 * <pre>{@code
 * DsfDatabaseServer db = DsfDatabaseServer.of(List.of("Test_DIC_1", "Test_DIC_2"));
 * db.jdbcUrl(db.fhirDatabase("Test_DIC_1")); // jdbc:postgresql://db/test_dic_1_fhir
 * }</pre>
 */
public final class DsfDatabaseServer
{
	/** Its network alias; DSF's test setups call it {@code db} too. */
	public static final String HOSTNAME = "db";
	public static final String LIQUIBASE_USER = "liquibase_user";
	public static final String LIQUIBASE_PASSWORD_FILE = DsfContainerInput.SECRETS + "db_liquibase.password";
	public static final String INIT_SCRIPT = "/docker-entrypoint-initdb.d/init-db.sh";

	/**
	 * PostgreSQL names are at most 63 characters; the longest name made from a prefix is the FHIR server's
	 * permanent-delete user, 34 characters after it.
	 */
	static final int PREFIX_LENGTH = 24;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, String> prefixes;
	private final String liquibasePassword;

	private DsfDatabaseServer(Map<String, String> prefixes, String liquibasePassword)
	{
		this.prefixes = prefixes;
		this.liquibasePassword = liquibasePassword;
	}

	/** A server for these organizations, with a new random password for {@value #LIQUIBASE_USER}. */
	public static DsfDatabaseServer of(List<String> organizationIdentifiers)
	{
		Map<String, String> prefixes = new LinkedHashMap<>();
		for (String identifier : organizationIdentifiers)
		{
			String base = sanitize(identifier);
			String prefix = base;
			for (int n = 2; prefixes.containsValue(prefix); n++)
				prefix = base.substring(0, Math.min(base.length(), PREFIX_LENGTH - 3)) + "_" + n;
			prefixes.put(identifier, prefix);
		}
		return new DsfDatabaseServer(Map.copyOf(prefixes), password());
	}

	/** A new random password, as DSF's test setups generate one per database user. */
	static String password()
	{
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** Lower case letters, digits and {@code _}, starting with a letter, at most {@value #PREFIX_LENGTH} long. */
	static String sanitize(String identifier)
	{
		String name = identifier.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (name.isEmpty() || !Character.isLetter(name.charAt(0)))
			name = "o_" + name;
		return name.substring(0, Math.min(name.length(), PREFIX_LENGTH));
	}

	/**
	 * @throws IllegalArgumentException
	 *             for an organization this server was not made for
	 */
	public String prefix(String organizationIdentifier)
	{
		String prefix = prefixes.get(organizationIdentifier);
		if (prefix == null)
			throw new IllegalArgumentException("the database server has no databases for organization "
					+ organizationIdentifier + "; it has them for " + prefixes.keySet());
		return prefix;
	}

	public String fhirDatabase(String organizationIdentifier)
	{
		return prefix(organizationIdentifier) + "_fhir";
	}

	public String bpeDatabase(String organizationIdentifier)
	{
		return prefix(organizationIdentifier) + "_bpe";
	}

	public String jdbcUrl(String database)
	{
		return "jdbc:postgresql://" + HOSTNAME + "/" + database;
	}

	/** The PostgreSQL image's variables: superuser and its password file, as in DSF's test setups. */
	public Map<String, String> environment()
	{
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("POSTGRES_USER", LIQUIBASE_USER);
		environment.put("POSTGRES_PASSWORD_FILE", LIQUIBASE_PASSWORD_FILE);
		environment.put("POSTGRES_DB", "postgres");
		return environment;
	}

	/** Absolute path to content: the password file and the init script. */
	public Map<String, String> files()
	{
		Map<String, String> files = new LinkedHashMap<>();
		files.put(LIQUIBASE_PASSWORD_FILE, liquibasePasswordFile());
		files.put(INIT_SCRIPT, initScript());
		return files;
	}

	/** The secret file every DSF server reads the liquibase password from: the password on its first line. */
	String liquibasePasswordFile()
	{
		return liquibasePassword + "\n";
	}

	/** Creates each organization's two databases and gives them to {@value #LIQUIBASE_USER}. */
	String initScript()
	{
		StringBuilder sql = new StringBuilder();
		for (String organization : prefixes.keySet().stream().sorted().toList())
			for (String database : List.of(fhirDatabase(organization), bpeDatabase(organization)))
				sql.append("\tCREATE DATABASE ").append(database).append(";\n\tGRANT ALL ON DATABASE ")
						.append(database).append(" TO ").append(LIQUIBASE_USER).append(";\n");
		return "#!/bin/bash\n# written by dsf-testbed: one database per organization and DSF server\nset -e\n"
				+ "psql -v ON_ERROR_STOP=1 --username \"$POSTGRES_USER\" --dbname \"$POSTGRES_DB\" <<-EOSQL\n" + sql
				+ "EOSQL\n";
	}
}
