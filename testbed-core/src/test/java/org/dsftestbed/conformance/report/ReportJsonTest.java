package org.dsftestbed.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ReportJsonTest
{
	private static ConformanceReport read(String json) throws IOException
	{
		return ReportJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void roundTripGivesTheSameReport() throws Exception
	{
		ConformanceReport report = SampleReports.report();

		assertThat(read(ReportJson.toJson(report))).isEqualTo(report);
	}

	@Test
	void fieldNamesAndValueFormatsAreTheDocumentedOnes() throws Exception
	{
		JsonNode json = new ObjectMapper().readTree(ReportJson.toJson(SampleReports.report()));

		assertThat(json.get("runId").asText()).isEqualTo("20250131T120000Z-abc123");
		assertThat(json.get("state").asText()).isEqualTo("finished");
		assertThat(json.get("started").asText()).isEqualTo("2025-01-31T12:00:00Z");
		JsonNode scenario = json.get("scenarios").get(1);
		assertThat(scenario.get("status").asText()).isEqualTo("failed");
		assertThat(scenario.get("timings").get("durationMillis").asLong()).isEqualTo(35_000);
		assertThat(scenario.get("timings").get("networkDurationMillis").asLong()).isEqualTo(3_635_000);
		assertThat(scenario.get("messages").get(0).get("durationMillis").asLong()).isEqualTo(51);
		assertThat(scenario.get("messages").get(0).get("from").asText()).isEqualTo("dic.dsf.test");
		assertThat(scenario.get("taskOutcomes").get(0).get("errors").get(0).asText()).startsWith("Process dsfdev_pong");
		assertThat(scenario.get("failures").get(0).get("output").asText()).contains("AssertionError");
		assertThat(scenario.get("messages").get(0).has("correlationKey")).as("absent values are omitted").isFalse();
		assertThat(json.has("passed")).as("derived values are not fields").isFalse();
	}

	@Test
	void aRunningReportHasNoFinish() throws Exception
	{
		ConformanceReport running = new ConformanceReport("r1", "tutorial", "embedded", SampleReports.T0, null,
				RunState.RUNNING, java.util.List.of());

		String json = ReportJson.toJson(running);

		assertThat(new ObjectMapper().readTree(json).has("finished")).isFalse();
		assertThat(read(json)).isEqualTo(running);
	}

	@Test
	void anUnknownStatusIsNamed()
	{
		String json = ReportJson.toJson(SampleReports.report()).replace("\"status\" : \"failed\"",
				"\"status\" : \"exploded\"");

		assertThatThrownBy(() -> read(json)).hasMessageContaining("unknown scenario status 'exploded'")
				.hasMessageContaining("known: passed, failed");
	}
}
