package org.dsftestbed.bpe.engine;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.session.defaults.DefaultSqlSession;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.transaction.TransactionFactory;

/**
 * A MyBatis session factory for one engine's database over a mapping configuration that all engines share.
 * <p>
 * Reading Camunda's MyBatis mappings is most of the time it takes to build an engine (about 85 %: 300–900 ms of
 * 350–1,000 ms per engine on 2 busy cores). The parsed {@link Configuration} holds only SQL mappings; the one thing in
 * it that belongs to a database is its {@link Environment}, and MyBatis reads that only in
 * {@code DefaultSqlSessionFactory}. So each engine gets this factory, which opens sessions on the engine's own data
 * source, and the shared configuration's environment is a guard that fails on use. Camunda's mappings declare no
 * second-level cache, so no query result is shared between engines either. (Camunda's own
 * {@code useSharedSqlSessionFactory} shares the whole factory, data source included, and so cannot be used for engines
 * with separate databases.)
 */
final class EngineSqlSessionFactory implements SqlSessionFactory
{
	private static final Map<String, Configuration> SHARED = new HashMap<>();

	private final Configuration configuration;
	private final DataSource dataSource;
	private final TransactionFactory transactionFactory;

	EngineSqlSessionFactory(Configuration configuration, DataSource dataSource, TransactionFactory transactionFactory)
	{
		this.configuration = Objects.requireNonNull(configuration, "configuration");
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.transactionFactory = Objects.requireNonNull(transactionFactory, "transactionFactory");
	}

	/**
	 * The configuration for {@code key} (everything its parsing depends on), built once per JVM by {@code parser},
	 * which may return a configuration bound to some engine's database: its environment is replaced by the guard.
	 */
	static Configuration sharedConfiguration(String key, Supplier<Configuration> parser)
	{
		synchronized (SHARED)
		{
			return SHARED.computeIfAbsent(key, k ->
			{
				Configuration configuration = parser.get();
				Environment parsed = configuration.getEnvironment();
				configuration.setEnvironment(new Environment(parsed == null ? "shared" : parsed.getId(),
						parsed == null ? null : parsed.getTransactionFactory(), NoDataSource.INSTANCE));
				return configuration;
			});
		}
	}

	@Override
	public Configuration getConfiguration()
	{
		return configuration;
	}

	@Override
	public SqlSession openSession()
	{
		return open(configuration.getDefaultExecutorType(), null, false);
	}

	@Override
	public SqlSession openSession(boolean autoCommit)
	{
		return open(configuration.getDefaultExecutorType(), null, autoCommit);
	}

	@Override
	public SqlSession openSession(ExecutorType executorType)
	{
		return open(executorType, null, false);
	}

	@Override
	public SqlSession openSession(TransactionIsolationLevel level)
	{
		return open(configuration.getDefaultExecutorType(), level, false);
	}

	@Override
	public SqlSession openSession(ExecutorType executorType, TransactionIsolationLevel level)
	{
		return open(executorType, level, false);
	}

	@Override
	public SqlSession openSession(ExecutorType executorType, boolean autoCommit)
	{
		return open(executorType, null, autoCommit);
	}

	@Override
	public SqlSession openSession(Connection connection)
	{
		return open(configuration.getDefaultExecutorType(), connection);
	}

	@Override
	public SqlSession openSession(ExecutorType executorType, Connection connection)
	{
		return open(executorType, connection);
	}

	private SqlSession open(ExecutorType executorType, TransactionIsolationLevel level, boolean autoCommit)
	{
		Transaction transaction = transactionFactory.newTransaction(dataSource, level, autoCommit);
		return session(transaction, executorType, autoCommit);
	}

	private SqlSession open(ExecutorType executorType, Connection connection)
	{
		boolean autoCommit;
		try
		{
			autoCommit = connection.getAutoCommit();
		}
		catch (SQLException e)
		{
			// as MyBatis: drivers that cannot tell are treated as auto-commit
			autoCommit = true;
		}
		return session(transactionFactory.newTransaction(connection), executorType, autoCommit);
	}

	private SqlSession session(Transaction transaction, ExecutorType executorType, boolean autoCommit)
	{
		try
		{
			return new DefaultSqlSession(configuration, configuration.newExecutor(transaction, executorType),
					autoCommit);
		}
		catch (RuntimeException e)
		{
			try
			{
				transaction.close();
			}
			catch (SQLException suppressed)
			{
				e.addSuppressed(suppressed);
			}
			throw e;
		}
	}

	/** The shared configuration's data source: any use means a session was opened past an engine's own factory. */
	private static final class NoDataSource implements DataSource
	{
		static final NoDataSource INSTANCE = new NoDataSource();

		private static SQLException misuse()
		{
			return new SQLException("The MyBatis configuration shared by all engines has no database; "
					+ "sessions must be opened through an engine's EngineSqlSessionFactory");
		}

		@Override
		public Connection getConnection() throws SQLException
		{
			throw misuse();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException
		{
			throw misuse();
		}

		@Override
		public PrintWriter getLogWriter()
		{
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out)
		{
		}

		@Override
		public void setLoginTimeout(int seconds)
		{
		}

		@Override
		public int getLoginTimeout()
		{
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException
		{
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException
		{
			throw new SQLException("Not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type)
		{
			return false;
		}
	}
}
