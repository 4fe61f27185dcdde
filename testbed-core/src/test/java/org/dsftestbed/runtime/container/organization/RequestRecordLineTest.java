package org.dsftestbed.runtime.container.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.dsftestbed.fhir.server.RequestRecord;
import org.dsftestbed.fhir.server.TaskSnapshot;
import org.junit.jupiter.api.Test;

class RequestRecordLineTest
{
	private static final Instant WALL = Instant.parse("2026-01-31T12:00:00.123456789Z");
	private static final Instant NETWORK = WALL.plus(Duration.ofDays(1));

	private static RequestRecord fullRecord()
	{
		TaskSnapshot started = new TaskSnapshot("t-1", "3", "failed", "http://dsf.dev/bpe/Process/pong|1.0", "ping",
				"bk-1", "ck-1", List.of(new TaskSnapshot.Output("http://dsf.dev/fhir/CodeSystem/bpmn-message", "error",
						"pong \"timeout\"\nline two, ünïcode"), new TaskSnapshot.Output(null, null, null)));
		TaskSnapshot bare = new TaskSnapshot("t-2", null, null, null, null, null, null, List.of());
		return new RequestRecord(WALL, "hrp.dsf.test", "dic.dsf.test", "POST", "", 200, "Bundle", "ping", "bk-1",
				"ck-1", Duration.ofNanos(12_345_678), List.of(started, bare));
	}

	@Test
	void everyFieldRoundTripsIncludingTaskSnapshots()
	{
		RequestRecord record = fullRecord();

		String line = RequestRecordLine.format(record, NETWORK);
		RequestRecordLine.Parsed parsed = RequestRecordLine.parse(line);

		assertThat(line).startsWith("RECORD {").doesNotContain("\n").doesNotContain("\r");
		assertThat(parsed.request()).isEqualTo(record);
		assertThat(parsed.networkTime()).isEqualTo(NETWORK);
		assertThat(parsed.request().tasks().get(0).errors()).containsExactly("pong \"timeout\"\nline two, ünïcode");
	}

	@Test
	void nullsStayNullAndNoTasksStayNone()
	{
		RequestRecord record = new RequestRecord(WALL, "hrp.dsf.test", null, "GET", "Task", 401, null, null, null,
				null, null);

		String line = RequestRecordLine.format(record, WALL);
		RequestRecordLine.Parsed parsed = RequestRecordLine.parse(line);

		assertThat(line).as("null fields are left out").doesNotContain("caller").doesNotContain("null");
		assertThat(parsed.request()).isEqualTo(record);
		assertThat(parsed.request().caller()).isNull();
		assertThat(parsed.request().duration()).isNull();
		assertThat(parsed.request().tasks()).isEmpty();
	}

	@Test
	void theFieldNamesAreTheDocumentedOnes()
	{
		String line = RequestRecordLine.format(fullRecord(), NETWORK);

		assertThat(line).contains("\"time\":\"2026-01-31T12:00:00.123456789Z\"",
				"\"networkTime\":\"2026-02-01T12:00:00.123456789Z\"", "\"server\":\"hrp.dsf.test\"",
				"\"caller\":\"dic.dsf.test\"", "\"status\":200", "\"durationNanos\":12345678", "\"tasks\":[{\"id\":\"t-1\"",
				"\"instantiatesCanonical\":", "\"outputs\":[{\"system\":");
	}

	@Test
	void unknownFieldsOfALaterFormatAreIgnored()
	{
		String line = "RECORD {\"time\":\"2026-01-31T12:00:00Z\",\"networkTime\":\"2026-01-31T12:00:00Z\","
				+ "\"server\":\"a\",\"method\":\"GET\",\"path\":\"metadata\",\"status\":200,\"addedLater\":[1,2]}";

		RequestRecord record = RequestRecordLine.parse(line).request();

		assertThat(record.path()).isEqualTo("metadata");
		assertThat(record.status()).isEqualTo(200);
	}

	@Test
	void malformedLinesAreRefusedNamingWhatIsWrong()
	{
		String valid = RequestRecordLine.format(fullRecord(), NETWORK);

		assertThatThrownBy(() -> RequestRecordLine.parse("READY a https://a/fhir"))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not start with 'RECORD '");
		assertThatThrownBy(() -> RequestRecordLine.parse(valid.substring(0, valid.length() / 2)))
				.isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a JSON record");
		assertThatThrownBy(() -> RequestRecordLine.parse(valid.replace("\"server\":\"hrp.dsf.test\",", "")))
				.hasMessage("field 'server' is missing");
		assertThatThrownBy(() -> RequestRecordLine.parse(valid.replace("\"status\":200,", "")))
				.hasMessage("field 'status' is missing");
		assertThatThrownBy(() -> RequestRecordLine.parse(valid.replace("\"id\":\"t-2\",", "")))
				.hasMessage("field 'tasks[].id' is missing");
		assertThatThrownBy(() -> RequestRecordLine.parse(valid.replace("2026-02-01T12", "yesterday")))
				.hasMessageStartingWith("field 'networkTime' is not an ISO-8601 instant");
		assertThatThrownBy(() -> RequestRecordLine.parse("RECORD null")).hasMessage("not a JSON record: null");
	}
}
