package org.dsftestbed.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.dsftestbed.fhir.server.RequestListener;
import org.dsftestbed.fhir.server.RequestRecord;
import org.dsftestbed.fhir.server.TaskSnapshot;
import org.dsftestbed.runtime.container.organization.RequestRecordLine;
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
	void colourCodesAreLeftOutOfFileAndTail() throws Exception
	{
		Path file = folder.resolve("fhir.log");
		try (ContainerLog log = new ContainerLog("Test_DIC_1", file))
		{
			// as DSF's log4j2.xml (%highlight) writes an INFO line, and a line that only looks like one
			log.append("\u001B[37mINFO main - JettyServer.start(343) | Starting jetty server ...\u001B[m\n");
			log.append("\u001B[1;31mERROR main - x\u001B[0m\nplain [m text\n");
			assertThat(log.tail()).containsExactly("INFO main - JettyServer.start(343) | Starting jetty server ...",
					"ERROR main - x", "plain [m text");
		}
		assertThat(Files.readString(file)).doesNotContain("\u001B").contains("plain [m text");
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

	/** Keeps what it is told, with the network time given. */
	private static final class Recorded implements RequestListener
	{
		final List<RequestRecord> records = new ArrayList<>();
		final List<Instant> networkTimes = new ArrayList<>();

		@Override
		public void onRequest(RequestRecord record)
		{
			throw new AssertionError("record lines carry the container's network time");
		}

		@Override
		public void onRequest(RequestRecord record, Instant networkTime)
		{
			records.add(record);
			networkTimes.add(networkTime);
		}
	}

	private static RequestRecord taskCreate(String id)
	{
		return new RequestRecord(Instant.parse("2026-01-31T12:00:00Z"), "hrp", "dic", "POST", "Task", 201, "Task",
				"ping", "bk", null, Duration.ofMillis(7),
				List.of(new TaskSnapshot(id, "1", "requested", null, "ping", "bk", null, List.of())));
	}

	@Test
	void recordLinesGoToTheListenerInPiecesOrNotAndStayOutOfFileAndTail() throws Exception
	{
		Path file = folder.resolve("hrp.log");
		Recorded listener = new Recorded();
		Instant networkTime = Instant.parse("2026-02-01T12:00:00Z");
		String line = RequestRecordLine.format(taskCreate("t-1"), networkTime);
		try (ContainerLog log = new ContainerLog("hrp", file, listener))
		{
			log.append("Starting hrp\n" + line.substring(0, 20));
			assertThat(listener.records).as("half a record line is not a record yet").isEmpty();
			log.append(line.substring(20) + "\n" + RequestRecordLine.format(taskCreate("t-2"), networkTime) + "\n");
			log.append("READY hrp https://hrp/fhir\n");

			assertThat(listener.records).containsExactly(taskCreate("t-1"), taskCreate("t-2"));
			assertThat(listener.networkTimes).containsOnly(networkTime);
			assertThat(log.tail()).containsExactly("Starting hrp", "READY hrp https://hrp/fhir");
			assertThat(log.readyLines()).isEqualTo(1);
			assertThat(log.malformedRecordLines()).isZero();
		}
		assertThat(Files.readAllLines(file)).containsExactly("Starting hrp", "READY hrp https://hrp/fhir");
	}

	@Test
	void aMalformedRecordLineIsReportedOnceAndSkippedAndLaterOnesStillArrive() throws Exception
	{
		Path file = folder.resolve("hrp.log");
		Recorded listener = new Recorded();
		String good = RequestRecordLine.format(taskCreate("t-1"), Instant.parse("2026-02-01T12:00:00Z"));
		String cut = good.substring(0, good.length() - 10);
		try (ContainerLog log = new ContainerLog("hrp", file, listener))
		{
			log.append(cut + "\n");
			log.append(good + "\n");

			assertThat(listener.records).as("the cut line skipped, the next one kept").containsExactly(taskCreate("t-1"));
			assertThat(log.malformedRecordLines()).isEqualTo(1);
			assertThat(log.tail()).singleElement().asString()
					.startsWith("[dsf-testbed] malformed record line skipped (not a JSON record").endsWith(cut);
		}
		assertThat(Files.readAllLines(file)).as("reported once, in the line's place").singleElement().asString()
				.contains("malformed record line skipped").endsWith(cut);
	}

	@Test
	void aFailingListenerDoesNotStopTheLog()
	{
		RequestListener failing = new RequestListener()
		{
			@Override
			public void onRequest(RequestRecord record)
			{
				throw new IllegalStateException("listener broken");
			}
		};
		String line = RequestRecordLine.format(taskCreate("t-1"), Instant.parse("2026-02-01T12:00:00Z"));
		try (ContainerLog log = new ContainerLog("hrp", null, failing))
		{
			log.append(line + "\nREADY hrp https://hrp/fhir\n");

			assertThat(log.readyLines()).isEqualTo(1);
			assertThat(log.malformedRecordLines()).isZero();
		}
	}
}
