package org.dsftestbed.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogTest
{
	@TempDir
	Path folder;

	@Test
	void linesArrivingInPiecesAreWrittenWholeAndReadyLinesOfThisOrganizationCounted() throws Exception
	{
		Path file = folder.resolve("logs/Test_DIC_1.log");
		try (ContainerLog log = new ContainerLog("Test_DIC_1", file))
		{
			log.append("Starting Test_DIC_1\nREADY Test_DI");
			assertThat(log.readyLines()).as("half a line is not a line yet").isZero();
			log.append("C_1 https://dic1/fhir\r\n");
			log.append("READY Test_DIC_10 https://dic10/fhir\n");
			log.append("STOPPED Test_DIC_1\nREADY Test_DIC_1 https://dic1/fhir\n");

			assertThat(log.readyLines()).as("READY lines of Test_DIC_1, not of Test_DIC_10").isEqualTo(2);
			assertThat(log.tail()).containsExactly("Starting Test_DIC_1", "READY Test_DIC_1 https://dic1/fhir",
					"READY Test_DIC_10 https://dic10/fhir", "STOPPED Test_DIC_1", "READY Test_DIC_1 https://dic1/fhir");
		}
		assertThat(Files.readAllLines(file)).hasSize(5).startsWith("Starting Test_DIC_1");
	}

	@Test
	void theTailKeepsTheLastLinesOnly()
	{
		try (ContainerLog log = new ContainerLog("a", null))
		{
			for (int i = 1; i <= ContainerLog.TAIL_LINES + 5; i++)
				log.append("line " + i + "\n");
			assertThat(log.tail()).hasSize(ContainerLog.TAIL_LINES).startsWith("line 6")
					.endsWith("line " + (ContainerLog.TAIL_LINES + 5));
		}
	}

	@Test
	void aSecondLogOfTheSameOrganizationAppends() throws Exception
	{
		Path file = folder.resolve("a.log");
		try (ContainerLog first = new ContainerLog("a", file))
		{
			first.append("first boot\n");
		}
		try (ContainerLog second = new ContainerLog("a", file))
		{
			second.append("second boot\n");
		}
		assertThat(Files.readAllLines(file)).containsExactly("first boot", "second boot");
	}
}
