package org.dsftestbed.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dsftestbed.conformance.report.ReportDirectory;
import org.dsftestbed.conformance.report.ReportJson;
import org.dsftestbed.junit.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;

/**
 * The shipped {@code features/connectivity.feature}, unchanged, on the container runtime with the simulated image set
 * (the same steps and client as on the embedded runtime), and {@code features/container-faults.feature}, which only
 * this runtime can run. Reports (with each container's log under {@code containers/})
 * go to {@code scenarios/target/reports/container/}.
 */
@RequiresDocker(baseImage = true)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ConnectivityOnContainersIT
{
	private static final Path REPORTS = Path.of("target/reports/container");

	@AfterEach
	void backToTheDefaultRuntime()
	{
		RunSettings.runtime(null);
	}

	@Test
	void theConnectivityAndContainerFaultFeaturesPassOnContainers() throws Exception
	{
		RunSettings.runtime(RuntimeChoice.CONTAINER_SIMULATED);
		byte status = io.cucumber.core.cli.Main.run(new String[] { "--glue", "org.dsftestbed.steps", //
				"--plugin", "pretty", //
				"--plugin", ConformanceReportPlugin.class.getName() + ":" + REPORTS, //
				"--plugin", "junit:" + REPORTS.resolve("junit.xml"), //
				"--plugin", "summary", //
				"classpath:features/connectivity.feature", "classpath:features/container-faults.feature" }, Thread.currentThread().getContextClassLoader());

		assertThat(status).as("exit status of the Cucumber run; see " + REPORTS.toAbsolutePath()).isZero();
		Path logs = REPORTS.toAbsolutePath().resolve(ReportDirectory.CONTAINER_LOGS);
		for (String organization : List.of("Test_DIC_1", "Test_DIC_2", "Test_DIC_3", "Test_TTP"))
			assertThat(Files.readString(logs.resolve(organization + ".log"))).as("log of " + organization)
					.contains("READY " + organization + " ");
		try (var json = Files.newInputStream(REPORTS.resolve(ReportDirectory.JSON)))
		{
			assertThat(ReportJson.read(json).logs()).as("logs named by the conformance report")
					.contains("containers/Test_DIC_1.log", "containers/Test_TTP.log");
		}

		String session = DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL + "=" + DockerClientFactory.SESSION_ID;
		var docker = DockerClientFactory.instance().client();
		assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(session)).exec())
				.as("containers left after the run").isEmpty();
		assertThat(docker.listNetworksCmd().withFilter("label", List.of(session)).exec())
				.as("networks left after the run").isEmpty();
	}
}
