package org.dsftestbed.conformance.report;

import static org.dsftestbed.conformance.report.HtmlText.escape;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code conformance-report.html}: one self-contained page (inline CSS and SVG, no scripts, nothing loaded from
 * elsewhere) that shows the run's summary and, per scenario, its organizations, message sequence diagram, Task
 * outcomes, failures with their error output, steps and timings. Every text from the run is escaped.
 */
public final class ReportHtml
{
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'",
			Locale.ROOT).withZone(ZoneOffset.UTC);

	private static final String CSS = """
			:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; }
			* { box-sizing: border-box; }
			body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
				color: #1f2328; margin: 0; background: #fff; }
			header.run { background: #24292f; color: #fff; padding: 20px 32px; }
			header.run h1 { margin: 0 0 6px; font-size: 22px; font-weight: 600; }
			header.run .meta { color: #d0d7de; }
			header.run .meta span { margin-right: 18px; }
			main { padding: 20px 32px 48px; max-width: 1400px; }
			.summary { display: flex; gap: 12px; flex-wrap: wrap; margin: 0 0 16px; }
			.summary div { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; background: var(--bg); }
			.summary b { font-size: 20px; display: block; }
			nav.toc ol { padding-left: 20px; }
			nav.toc li { margin: 3px 0; }
			.badge { display: inline-block; border-radius: 12px; padding: 1px 9px; font-size: 12px; font-weight: 600;
				color: #fff; background: var(--muted); text-transform: uppercase; letter-spacing: .03em; vertical-align: middle; }
			.badge.passed, .badge.finished, .badge.completed { background: var(--ok); }
			.badge.failed, .badge.interrupted, .badge.undefined { background: var(--bad); }
			.badge.skipped, .badge.running, .badge.in-progress, .badge.requested { background: var(--warn); }
			section.scenario { border: 1px solid var(--line); border-radius: 10px; margin: 22px 0; padding: 4px 20px 16px; }
			section.scenario.failed, section.scenario.interrupted, section.scenario.undefined { border-left: 6px solid var(--bad); }
			section.scenario.passed { border-left: 6px solid var(--ok); }
			section.scenario h2 { font-size: 18px; margin: 14px 0 2px; }
			section.scenario .feature { color: var(--muted); margin-bottom: 8px; }
			h3 { font-size: 15px; margin: 18px 0 6px; }
			table { border-collapse: collapse; width: 100%; font-size: 13px; }
			th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
			th { background: var(--bg); font-weight: 600; }
			code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
			pre { background: #fff8f8; border: 1px solid #ffcecb; border-radius: 6px; padding: 10px; overflow: auto;
				white-space: pre-wrap; word-break: break-word; max-height: 420px; }
			.error { color: var(--bad); }
			.diagram { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; background: #fff; padding: 6px; }
			svg.sequence-diagram { font: 12px system-ui, sans-serif; }
			svg .lifeline line { stroke: #8c959f; stroke-dasharray: 4 4; }
			svg .lifeline rect { fill: #ddf4ff; stroke: #54aeff; }
			svg .lifeline text { font-weight: 600; fill: #0a3069; }
			svg .message .arrow { stroke: #0969da; stroke-width: 1.6; fill: none; }
			svg .message text { fill: #1f2328; }
			svg .message.failed .arrow { stroke: var(--bad); stroke-dasharray: 6 4; stroke-width: 2; }
			svg .message.failed text { fill: var(--bad); font-weight: 600; }
			svg marker.ok path { fill: #0969da; }
			svg marker.failed path { fill: var(--bad); }
			svg .task-state rect { fill: #fff8c5; stroke: #d4a72c; }
			svg .task-state.status-completed rect { fill: #dafbe1; stroke: #4ac26b; }
			svg .task-state.status-failed rect { fill: #ffebe9; stroke: var(--bad); }
			svg .task-state text { font-size: 11px; fill: #1f2328; }
			svg text.offset { fill: var(--muted); font-size: 11px; }
			svg text.empty { fill: var(--muted); font-style: italic; }
			dl.timings { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
			dl.timings dt { color: var(--muted); }
			dl.timings dd { margin: 0; }
			ul.orgs { margin: 0; padding-left: 20px; }
			.muted { color: var(--muted); }
			""";

	private ReportHtml()
	{
	}

	/** The page for the report; {@code clock} gives "now" for the duration of a run still running. */
	public static String render(ConformanceReport report, Clock clock)
	{
		Objects.requireNonNull(report, "report");
		StringBuilder html = new StringBuilder(16_384);
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
				.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
				.append("<title>").append(escape("Conformance report " + report.runId())).append("</title>\n")
				.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
		header(html, report, clock.instant());
		html.append("<main>\n");
		summary(html, report);
		for (int i = 0; i < report.scenarios().size(); i++)
			scenario(html, report.scenarios().get(i), i + 1);
		if (report.scenarios().isEmpty())
			html.append("<p class=\"muted\">No scenario has finished yet.</p>\n");
		logs(html, report.logs());
		return html.append("</main>\n</body>\n</html>\n").toString();
	}

	/** Links to the run's log files, which lie beside the page. */
	private static void logs(StringBuilder html, List<String> logs)
	{
		if (logs.isEmpty())
			return;
		html.append("<section class=\"logs\" id=\"logs\">\n<h2>Container logs</h2>\n<ul>\n");
		for (String log : logs)
			html.append("<li><a href=\"").append(escape(log)).append("\">").append(escape(log)).append("</a></li>\n");
		html.append("</ul>\n</section>\n");
	}

	private static void header(StringBuilder html, ConformanceReport report, Instant now)
	{
		html.append("<header class=\"run\">\n<h1>DSF testbed conformance report ")
				.append(badge(report.state().code())).append("</h1>\n<div class=\"meta\">")
				.append(meta("run", report.runId())).append(meta("network", report.network()))
				.append(meta("runtime", report.runtime())).append(meta("started", time(report.started())))
				.append(meta(report.finished() == null ? "running for" : "took", duration(report.duration(now))))
				.append("</div>\n</header>\n");
	}

	private static String meta(String label, String value)
	{
		return value == null ? "" : "<span>" + escape(label) + ": <b>" + escape(value) + "</b></span>";
	}

	private static void summary(StringBuilder html, ConformanceReport report)
	{
		html.append("<div class=\"summary\">");
		html.append("<div><b>").append(report.scenarios().size()).append("</b>scenarios</div>");
		for (ScenarioStatus status : ScenarioStatus.values())
			if (report.count(status) > 0)
				html.append("<div><b>").append(report.count(status)).append("</b>").append(badge(status.code()))
						.append("</div>");
		html.append("</div>\n");
		if (report.scenarios().isEmpty())
			return;
		html.append("<nav class=\"toc\"><ol>\n");
		for (int i = 0; i < report.scenarios().size(); i++)
		{
			ScenarioReport s = report.scenarios().get(i);
			html.append("<li>").append(badge(s.status().code())).append(" <a href=\"#scenario-").append(i + 1)
					.append("\">").append(escape(s.name())).append("</a> <span class=\"muted\">")
					.append(escape(s.feature())).append("</span></li>\n");
		}
		html.append("</ol></nav>\n");
	}

	private static void scenario(StringBuilder html, ScenarioReport s, int number)
	{
		html.append("<section class=\"scenario ").append(s.status().code()).append("\" id=\"scenario-").append(number)
				.append("\">\n<h2 class=\"scenario-name\">").append(badge(s.status().code())).append(' ')
				.append(escape(s.name())).append("</h2>\n<div class=\"feature\">Feature: ").append(escape(s.feature()))
				.append("</div>\n");

		html.append("<h3>Organizations</h3>\n<ul class=\"orgs\">\n");
		for (Organization organization : s.organizations())
			html.append("<li><b>").append(escape(organization.identifier())).append("</b>")
					.append(organization.baseUrl() == null ? ""
							: " <code>" + escape(organization.baseUrl()) + "</code>")
					.append("</li>\n");
		html.append("</ul>\n");

		html.append("<h3>Message sequence</h3>\n<div class=\"diagram\">")
				.append(SequenceDiagram.svg(s, "s" + number)).append("</div>\n");

		taskOutcomes(html, s.taskOutcomes());
		failures(html, s.failures());
		steps(html, s.steps());
		timings(html, s.timings());
		html.append("</section>\n");
	}

	private static void taskOutcomes(StringBuilder html, List<TaskOutcome> outcomes)
	{
		html.append("<h3>Task outcomes</h3>\n");
		if (outcomes.isEmpty())
		{
			html.append("<p class=\"muted\">No Task was written.</p>\n");
			return;
		}
		html.append("<table class=\"tasks\"><thead><tr><th>organization</th><th>Task</th><th>message</th>")
				.append("<th>business key</th><th>status</th><th>outputs</th></tr></thead><tbody>\n");
		for (TaskOutcome t : outcomes)
		{
			html.append("<tr><td>").append(escape(t.organization())).append("</td><td><code>Task/")
					.append(escape(t.taskId())).append("</code> <span class=\"muted\">v").append(escape(t.version()))
					.append("</span>").append(t.process() == null ? "" : "<br><span class=\"muted\">" + escape(t.process()) + "</span>")
					.append("</td><td>").append(escape(t.messageName())).append("</td><td><code>")
					.append(escape(t.businessKey())).append("</code></td><td>").append(badge(t.status()))
					.append("</td><td>");
			for (TaskOutcome.Output output : t.outputs())
				html.append("<div").append("error".equals(output.code())
						? " class=\"error\"" : "").append("><code>").append(escape(output.code())).append("</code>: ")
						.append(escape(output.value())).append("</div>");
			html.append("</td></tr>\n");
		}
		html.append("</tbody></table>\n");
	}

	private static void failures(StringBuilder html, List<Failure> failures)
	{
		if (failures.isEmpty())
			return;
		html.append("<h3>Failures</h3>\n");
		for (Failure f : failures)
		{
			html.append("<div class=\"failure\"><div><b>").append(escape(f.step())).append("</b></div>")
					.append("<div class=\"error\">").append(escape(f.message())).append("</div>");
			if (f.output() != null && !f.output().isBlank())
				html.append("<details><summary>error output</summary><pre>").append(escape(f.output()))
						.append("</pre></details>");
			html.append("</div>\n");
		}
	}

	private static void steps(StringBuilder html, List<Step> steps)
	{
		if (steps.isEmpty())
			return;
		html.append("<h3>Steps</h3>\n<table class=\"steps\"><tbody>\n");
		for (Step step : steps)
			html.append("<tr><td>").append(badge(step.status().code())).append("</td><td>").append(escape(step.text()))
					.append(step.error() == null ? "" : "<div class=\"error\">" + escape(step.error()) + "</div>")
					.append("</td><td class=\"muted\">").append(escape(duration(step.duration()))).append("</td></tr>\n");
		html.append("</tbody></table>\n");
	}

	private static void timings(StringBuilder html, Timings t)
	{
		html.append("<h3>Timings</h3>\n<dl class=\"timings\">")
				.append(term("started", time(t.started()))).append(term("finished", time(t.finished())))
				.append(term("took", duration(t.duration())))
				.append(term("simulated time", time(t.networkStarted()) + " → " + time(t.networkFinished()) + " ("
						+ duration(t.networkDuration()) + ")"))
				.append(term("requests", t.requests() + " (" + t.messages() + " between organizations)"))
				.append(term("slowest message", duration(t.slowestMessage()))).append("</dl>\n");
	}

	private static String term(String name, String value)
	{
		return "<dt>" + escape(name) + "</dt><dd>" + escape(value) + "</dd>";
	}

	private static String badge(String status)
	{
		String word = SequenceDiagram.cssWord(status);
		return "<span class=\"badge " + word + "\">" + escape(status == null ? "unknown" : status) + "</span>";
	}

	static String time(Instant instant)
	{
		return instant == null ? "" : TIME.format(instant);
	}

	/** Milliseconds below a second, seconds with two decimals below a minute, then minutes and seconds. */
	static String duration(Duration d)
	{
		if (d == null)
			return "";
		long millis = d.toMillis();
		if (millis < 1000)
			return millis + " ms";
		if (millis < 60_000)
			return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
		long seconds = d.toSeconds();
		return seconds / 3600 > 0
				? String.format(Locale.ROOT, "%d h %02d min %02d s", seconds / 3600, seconds / 60 % 60, seconds % 60)
				: String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
	}
}
