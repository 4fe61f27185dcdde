package org.dsftestbed.runtime.container.dsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DsfDatabaseServerTest
{
	@Test
	void oneDatabasePerOrganizationAndServerCreatedByTheInitScript()
	{
		DsfDatabaseServer db = DsfDatabaseServer.of(List.of("Test_DIC_1", "ttp.dsf.test"));
		assertThat(db.fhirDatabase("Test_DIC_1")).isEqualTo("test_dic_1_fhir");
		assertThat(db.bpeDatabase("ttp.dsf.test")).isEqualTo("ttp_dsf_test_bpe");
		assertThat(db.jdbcUrl("test_dic_1_fhir")).isEqualTo("jdbc:postgresql://db/test_dic_1_fhir");

		String script = db.files().get(DsfDatabaseServer.INIT_SCRIPT);
		for (String database : List.of("test_dic_1_fhir", "test_dic_1_bpe", "ttp_dsf_test_fhir", "ttp_dsf_test_bpe"))
			assertThat(script).contains("CREATE DATABASE " + database + ";",
					"GRANT ALL ON DATABASE " + database + " TO liquibase_user;");
		assertThat(script).startsWith("#!/bin/bash").contains("ON_ERROR_STOP=1");
	}

	@Test
	void theLiquibasePasswordIsASecretFile()
	{
		DsfDatabaseServer db = DsfDatabaseServer.of(List.of("a"));
		assertThat(db.environment()).containsEntry("POSTGRES_USER", "liquibase_user")
				.containsEntry("POSTGRES_PASSWORD_FILE", DsfDatabaseServer.LIQUIBASE_PASSWORD_FILE)
				.doesNotContainKey("POSTGRES_PASSWORD");
		assertThat(db.files().get(DsfDatabaseServer.LIQUIBASE_PASSWORD_FILE)).matches("[0-9a-f]{36}\n");
		assertThat(DsfDatabaseServer.of(List.of("a")).liquibasePasswordFile()).as("a new one per network")
				.isNotEqualTo(db.liquibasePasswordFile());
	}

	@Test
	void namesAreValidForPostgresAndDistinct()
	{
		assertThat(DsfDatabaseServer.sanitize("1st-Org.example")).isEqualTo("o_1st_org_example");
		assertThat(DsfDatabaseServer.sanitize("a".repeat(80))).hasSize(DsfDatabaseServer.PREFIX_LENGTH);
		String longest = DsfDatabaseServer.sanitize("x".repeat(80)) + "_fhir_server_permanent_delete_user";
		assertThat(longest.length()).isLessThanOrEqualTo(63);

		DsfDatabaseServer db = DsfDatabaseServer.of(List.of("dic.one", "dic-one", "DIC_ONE"));
		assertThat(List.of(db.prefix("dic.one"), db.prefix("dic-one"), db.prefix("DIC_ONE")))
				.containsExactly("dic_one", "dic_one_2", "dic_one_3");
		assertThatThrownBy(() -> db.prefix("other")).hasMessageContaining("no databases for organization other");
	}
}
