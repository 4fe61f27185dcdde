package org.dsftestbed.bpe.engine;

import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * Camunda's standalone configuration (own transactions on its own data source, as DSF's Spring configuration has on its
 * PostgreSQL data source) with the MyBatis mappings parsed once per JVM instead of once per engine.
 */
final class TestbedEngineConfiguration extends StandaloneProcessEngineConfiguration
{
	@Override
	protected void initSqlSessionFactory()
	{
		if (sqlSessionFactory != null)
			return;

		// everything Camunda's parsing of its mappings depends on
		String key = databaseType + "|" + databaseTablePrefix + "|" + isJdbcBatchProcessing() + "|"
				+ getJdbcStatementTimeout() + "|" + getClass().getName();
		var shared = EngineSqlSessionFactory.sharedConfiguration(key, () ->
		{
			super.initSqlSessionFactory();
			var parsed = sqlSessionFactory.getConfiguration();
			sqlSessionFactory = null;
			return parsed;
		});
		sqlSessionFactory = new EngineSqlSessionFactory(shared, dataSource, transactionFactory);
	}
}
