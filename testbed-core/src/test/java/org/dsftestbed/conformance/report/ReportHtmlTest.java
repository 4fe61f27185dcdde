package org.dsftestbed.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ReportHtmlTest
{
	private static final String HTML = ReportHtml.render(SampleReports.report(),
			Clock.fixed(SampleReports.T0.plusSeconds(60), ZoneOffset.UTC));

	private static int count(String text, String regex)
	{
		Matcher m = Pattern.compile(regex).matcher(text);
		int n = 0;
		while (m.find())
			n++;
		return n;
	}

	@Test
	void hostileNamesAreEscapedEverywhere()
	{
		assertThat(HTML).doesNotContain("<script").doesNotContain("alert('org')").doesNotContain("&co\"")
				.doesNotContain("Bundle/<b>");
		assertThat(HTML).contains("Ping &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;pong&#39;");
		assertThat(HTML).contains("evil&quot;&lt;script&gt;alert(&#39;org&#39;)&lt;/script&gt;&amp;co");
		assertThat(HTML).contains("Feature: Ping &amp; pong");
		assertThat(HTML).contains("reason: &lt;null&gt; &amp; &quot;boom&quot;");
	}

	@Test
	void pageIsSelfContained()
	{
		assertThat(HTML).doesNotContainPattern("(?i)<link|<script|<img|<iframe|\\bsrc=|@import|url\\(\\s*['\"]?https?:");
		assertThat(HTML).contains("<style>").startsWith("<!DOCTYPE html>");
	}

	@Test
	void everyScenarioHasItsDiagramWithOneArrowPerMessage()
	{
		assertThat(count(HTML, "<svg class=\"sequence-diagram\"")).isEqualTo(2);
		assertThat(count(HTML, "<g class=\"message( failed)?\"")).isEqualTo(4);
		assertThat(count(HTML, "<g class=\"message failed\" data-status=\"403\"")).isEqualTo(1);
		assertThat(count(HTML, "<g class=\"lifeline\">")).isEqualTo(3 + 2);
		assertThat(count(HTML, "<g class=\"task-state status-failed\">")).isEqualTo(1);
		assertThat(HTML).contains("ping · 201").contains("GET Bundle/&lt;b&gt; · 403");
		assertThat(HTML).as("marker ids differ per diagram").contains("id=\"s1-ok\"").contains("id=\"s2-ok\"");
	}

	@Test
	void showsOutcomesFailuresStepsAndTimings()
	{
		assertThat(HTML).contains("pong-received").contains("java.lang.AssertionError: expected completed but was failed")
				.contains("Then the Task at hrp.dsf.test is completed").contains("35.00 s")
				.contains("1 h 00 min 35 s").contains("https://localhost:4711/fhir")
				.contains("<span class=\"badge failed\">failed</span>");
		assertThat(HTML).contains("href=\"#scenario-2\"").contains("id=\"scenario-2\"");
	}

	@Test
	void aRunWithoutScenariosSaysSo()
	{
		String empty = ReportHtml.render(new ConformanceReport("r", "tutorial", "embedded", SampleReports.T0, null,
				RunState.RUNNING, java.util.List.of()), Clock.fixed(SampleReports.T0.plusSeconds(75), ZoneOffset.UTC));

		assertThat(empty).contains("No scenario has finished yet").contains("running for: <b>1 min 15 s</b>");
	}

	@Test
	void durationsReadNaturally()
	{
		assertThat(ReportHtml.duration(java.time.Duration.ofMillis(12))).isEqualTo("12 ms");
		assertThat(ReportHtml.duration(java.time.Duration.ofMillis(1234))).isEqualTo("1.23 s");
		assertThat(ReportHtml.duration(java.time.Duration.ofMinutes(45))).isEqualTo("45 min 00 s");
	}
}
