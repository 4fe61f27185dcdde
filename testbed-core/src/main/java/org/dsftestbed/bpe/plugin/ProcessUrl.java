package org.dsftestbed.bpe.plugin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL that names a process, {@code http[s]://<domain>/bpe/Process/<name>}, as DSF 1.9.0 accepts it in
 * {@code ActivityDefinition.url} and (with {@code |<major>.<minor>}) in {@code Task.instantiatesCanonical}. The BPMN
 * process id follows from it: the domain without its dots, an underscore, the name
 * ({@code http://dsf.dev/bpe/Process/ping} ↔ {@code dsfdev_ping}).
 * <p>
 * The domain needs at least one dot; every label before a dot has two to 63 letters, digits or inner hyphens (DSF
 * 1.9.0 refuses one-character labels such as {@code a.example.org}), the last label 1 to 63 letters or digits.
 */
public record ProcessUrl(String url, String domain, String processName)
{
	private static final String LABEL_BEFORE_DOT = "[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]";
	private static final String DOMAIN = "(?:" + LABEL_BEFORE_DOT + "\\.)+[a-zA-Z0-9]{1,63}";
	private static final String URL = "(https?://(" + DOMAIN + ")/bpe/Process/([a-zA-Z0-9-]+))";

	private static final Pattern ACTIVITY_DEFINITION_URL = Pattern.compile(URL);
	private static final Pattern INSTANTIATES_CANONICAL = Pattern.compile(URL + "\\|(\\d+\\.\\d+)");
	private static final Pattern PROCESS_ID = Pattern.compile("[a-zA-Z0-9-]+_[a-zA-Z0-9-]+");

	/** What {@link #parse} accepts, for messages. */
	public static final String FORM = "http[s]://<domain>/bpe/Process/<name>";
	/** The pattern BPMN process ids must match, for messages. */
	public static final String PROCESS_ID_FORM = "^[a-zA-Z0-9-]+_[a-zA-Z0-9-]+$";

	/** A process URL with the version a Task instantiates: {@code <process url>|<major>.<minor>}. */
	public record Canonical(ProcessUrl processUrl, String version)
	{
		public ProcessIdAndVersion processIdAndVersion()
		{
			return new ProcessIdAndVersion(processUrl.processId(), version);
		}

		/** How the identifier of a Task template of this process begins: {@code <process url>/<version>/}. */
		public String taskIdentifierPrefix()
		{
			return processUrl.url() + "/" + version + "/";
		}
	}

	/** An {@code ActivityDefinition.url}, empty if it is not of the form {@value #FORM}. */
	public static Optional<ProcessUrl> parse(String url)
	{
		if (url == null)
			return Optional.empty();
		Matcher matcher = ACTIVITY_DEFINITION_URL.matcher(url);
		return matcher.matches() ? Optional.of(of(matcher)) : Optional.empty();
	}

	/** A {@code Task.instantiatesCanonical}, empty if it is not of the form {@value #FORM}{@code |<major>.<minor>}. */
	public static Optional<Canonical> parseCanonical(String instantiatesCanonical)
	{
		if (instantiatesCanonical == null)
			return Optional.empty();
		Matcher matcher = INSTANTIATES_CANONICAL.matcher(instantiatesCanonical);
		return matcher.matches() ? Optional.of(new Canonical(of(matcher), matcher.group(4))) : Optional.empty();
	}

	/** Whether a BPMN process id has the form {@value #PROCESS_ID_FORM}. */
	public static boolean isValidProcessId(String processId)
	{
		return processId != null && PROCESS_ID.matcher(processId).matches();
	}

	private static ProcessUrl of(Matcher matcher)
	{
		return new ProcessUrl(matcher.group(1), matcher.group(2), matcher.group(3));
	}

	/** The BPMN process id this URL stands for: the domain without dots, {@code _}, the process name. */
	public String processId()
	{
		return domain.replace(".", "") + "_" + processName;
	}
}
