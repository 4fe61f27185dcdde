package org.dsftestbed.conformance.report;

/**
 * Text into HTML and inline SVG: every character that could end a text node or an attribute value is escaped, so
 * names and error messages from scenarios, plugins and servers show as typed, whatever they contain.
 */
final class HtmlText
{
	private HtmlText()
	{
	}

	/** Escaped for text content and double- or single-quoted attribute values; {@code null} becomes empty. */
	static String escape(String text)
	{
		if (text == null)
			return "";
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++)
		{
			char c = text.charAt(i);
			switch (c)
			{
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default ->
				{
					// control characters other than tab and newlines are not allowed in HTML or XML text
					if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
						out.append('\uFFFD');
					else
						out.append(c);
				}
			}
		}
		return out.toString();
	}

	/** Shortened to {@code max} characters with an ellipsis, for labels that must fit a diagram column. */
	static String shorten(String text, int max)
	{
		if (text == null || text.length() <= max)
			return text;
		return text.substring(0, Math.max(0, max - 1)) + "…";
	}
}
