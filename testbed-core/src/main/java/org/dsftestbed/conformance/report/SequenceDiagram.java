package org.dsftestbed.conformance.report;

import static org.dsftestbed.conformance.report.HtmlText.escape;
import static org.dsftestbed.conformance.report.HtmlText.shorten;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's message sequence as inline SVG: a lifeline per organization, an arrow per message between
 * organizations labelled with its message name (or method and path) and status, refused or failed messages red and
 * dashed, and Task state changes as notes on the lifeline of the server that stores the Task. Rows are in time
 * order; the left margin shows seconds since the scenario started.
 * <p>
 * Markup contract the HTML tests and users' style overrides rely on: the {@code svg} has class
 * {@code sequence-diagram}, each arrow is a {@code g.message} (plus {@code failed} when refused), each note a
 * {@code g.task-state}, each lifeline a {@code g.lifeline}.
 */
final class SequenceDiagram
{
	private static final int COLUMN = 190;
	private static final int LEFT = 64;
	private static final int HEADER = 56;
	private static final int ROW = 34;
	private static final int LABEL_CHARS = 30;

	private SequenceDiagram()
	{
	}

	private sealed interface Row permits MessageRow, StateRow
	{
		Instant time();
	}

	private record MessageRow(Instant time, Message message) implements Row
	{
	}

	private record StateRow(Instant time, TaskChange change) implements Row
	{
	}

	/**
	 * @param idPrefix
	 *            unique within the page: the diagram's marker ids start with it
	 */
	static String svg(ScenarioReport scenario, String idPrefix)
	{
		List<Organization> organizations = scenario.organizations();
		Map<String, Integer> column = new HashMap<>();
		for (int i = 0; i < organizations.size(); i++)
			column.put(organizations.get(i).identifier(), i);

		List<Row> rows = new ArrayList<>();
		scenario.messages().forEach(m -> rows.add(new MessageRow(m.time(), m)));
		scenario.taskStateChanges().stream().filter(c -> column.containsKey(c.organization()))
				.forEach(c -> rows.add(new StateRow(c.time(), c)));
		rows.sort(Comparator.comparing(Row::time, Comparator.nullsFirst(Comparator.naturalOrder())));

		int width = LEFT + Math.max(1, organizations.size()) * COLUMN + 16;
		int height = HEADER + Math.max(1, rows.size()) * ROW + 24;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg class=\"sequence-diagram\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
				.append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
				.append(' ').append(height).append("\" aria-label=\"")
				.append(escape("message sequence of " + scenario.name())).append("\">\n");
		svg.append("<defs>").append(marker(idPrefix + "-ok", "ok")).append(marker(idPrefix + "-failed", "failed"))
				.append("</defs>\n");

		for (int i = 0; i < organizations.size(); i++)
			lifeline(svg, organizations.get(i), x(i), height);

		Instant start = scenario.timings().started();
		for (int r = 0; r < rows.size(); r++)
		{
			int y = HEADER + 22 + r * ROW;
			Row row = rows.get(r);
			svg.append("<text class=\"offset\" x=\"8\" y=\"").append(y + 4).append("\">")
					.append(escape(offset(start, row.time()))).append("</text>\n");
			if (row instanceof MessageRow m)
				message(svg, m.message(), column, y, idPrefix);
			else if (row instanceof StateRow s)
				state(svg, s.change(), x(column.get(s.change().organization())), y);
		}
		if (rows.isEmpty())
			svg.append("<text class=\"empty\" x=\"").append(width / 2).append("\" y=\"").append(HEADER + 22)
					.append("\" text-anchor=\"middle\">no requests between organizations recorded</text>\n");
		return svg.append("</svg>").toString();
	}

	private static int x(int column)
	{
		return LEFT + column * COLUMN + COLUMN / 2;
	}

	private static String marker(String id, String kind)
	{
		return "<marker id=\"" + escape(id) + "\" class=\"head " + kind
				+ "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
				+ "<path d=\"M0,0 L10,5 L0,10 z\"/></marker>";
	}

	private static void lifeline(StringBuilder svg, Organization organization, int x, int height)
	{
		String name = organization.identifier();
		svg.append("<g class=\"lifeline\"><title>").append(escape(name))
				.append(organization.baseUrl() == null ? "" : escape(" — " + organization.baseUrl())).append("</title>")
				.append("<line x1=\"").append(x).append("\" y1=\"").append(HEADER).append("\" x2=\"").append(x)
				.append("\" y2=\"").append(height - 8).append("\"/>").append("<rect x=\"").append(x - COLUMN / 2 + 8)
				.append("\" y=\"10\" width=\"").append(COLUMN - 16).append("\" height=\"32\" rx=\"6\"/>")
				.append("<text x=\"").append(x).append("\" y=\"31\" text-anchor=\"middle\">")
				.append(escape(shorten(name, 22))).append("</text></g>\n");
	}

	private static void message(StringBuilder svg, Message message, Map<String, Integer> column, int y,
			String idPrefix)
	{
		int from = x(column.getOrDefault(message.from(), 0));
		int to = x(column.getOrDefault(message.to(), 0));
		boolean failed = message.failed();
		String label = shorten(message.label(), LABEL_CHARS) + " · " + message.status();
		svg.append("<g class=\"message").append(failed ? " failed" : "").append("\" data-status=\"")
				.append(message.status()).append("\"><title>")
				.append(escape(message.from() + " → " + message.to() + ": " + message.method() + " " + message.path()
						+ " → " + message.status() + (message.messageName() == null ? "" : " (" + message.messageName() + ")")
						+ (message.businessKey() == null ? "" : ", business key " + message.businessKey())))
				.append("</title>");
		if (from == to)
		{
			// a caller drawn on the server's own lifeline (e.g. an unknown caller): a loop to the right
			svg.append("<path class=\"arrow\" d=\"M").append(from).append(',').append(y - 8).append(" h40 v16 h-40\"")
					.append(" marker-end=\"url(#").append(escape(idPrefix)).append(failed ? "-failed" : "-ok")
					.append(")\"/>");
			svg.append("<text x=\"").append(from + 46).append("\" y=\"").append(y - 10).append("\">")
					.append(escape(label)).append("</text>");
		}
		else
		{
			svg.append("<line class=\"arrow\" x1=\"").append(from).append("\" y1=\"").append(y).append("\" x2=\"")
					.append(to).append("\" y2=\"").append(y).append("\" marker-end=\"url(#").append(escape(idPrefix))
					.append(failed ? "-failed" : "-ok").append(")\"/>");
			svg.append("<text x=\"").append((from + to) / 2).append("\" y=\"").append(y - 6)
					.append("\" text-anchor=\"middle\">").append(escape(label)).append("</text>");
		}
		svg.append("</g>\n");
	}

	private static void state(StringBuilder svg, TaskChange change, int x, int y)
	{
		String text = (change.messageName() == null ? "Task" : shorten(change.messageName(), 18)) + ": "
				+ (change.previousStatus() == null ? "" : change.previousStatus() + " → ") + change.status();
		int width = Math.min(COLUMN - 10, 12 + text.length() * 6);
		svg.append("<g class=\"task-state status-").append(escape(cssWord(change.status()))).append("\"><title>")
				.append(escape("Task/" + change.taskId() + " version " + change.version() + " on "
						+ change.organization() + " written by " + change.writer()
						+ (change.errors().isEmpty() ? "" : "; error: " + String.join("; ", change.errors()))))
				.append("</title><rect x=\"").append(x - width / 2).append("\" y=\"").append(y - 11)
				.append("\" width=\"").append(width).append("\" height=\"20\" rx=\"10\"/><text x=\"").append(x)
				.append("\" y=\"").append(y + 3).append("\" text-anchor=\"middle\">").append(escape(text))
				.append("</text></g>\n");
	}

	/** A status as a CSS class word: letters, digits and dashes only. */
	static String cssWord(String status)
	{
		return status == null ? "unknown" : status.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
	}

	private static String offset(Instant start, Instant time)
	{
		if (start == null || time == null)
			return "";
		Duration d = Duration.between(start, time);
		return String.format(Locale.ROOT, "%+.2fs", d.toMillis() / 1000.0);
	}
}
