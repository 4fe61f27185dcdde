package org.dsftestbed.fhir.authorization.process;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Task.instantiatesCanonical} as DSF accepts it: {@code http[s]://<domain>/bpe/Process/<name>|<major>.<minor>},
 * where the domain has at least one dot and its labels are DNS-like (at least two characters before each dot), and
 * the name is {@code [a-zA-Z0-9-]+}. The process URL and version select the ActivityDefinition.
 *
 * <pre>{@code
 * InstantiatesCanonical.parse("http://dsf.dev/bpe/Process/ping|1.0");
 * // Optional[InstantiatesCanonical[processUrl=http://dsf.dev/bpe/Process/ping, processVersion=1.0]]
 * }</pre>
 */
public record InstantiatesCanonical(String processUrl, String processVersion)
{
	private static final String LABEL = "[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]";
	public static final Pattern PATTERN = Pattern
			.compile("(https?://(?:" + LABEL + "\\.)+[a-zA-Z0-9]{1,63}/bpe/Process/[a-zA-Z0-9-]+)\\|(\\d+\\.\\d+)");

	public static Optional<InstantiatesCanonical> parse(String instantiatesCanonical)
	{
		if (instantiatesCanonical == null)
			return Optional.empty();
		Matcher matcher = PATTERN.matcher(instantiatesCanonical);
		return matcher.matches() ? Optional.of(new InstantiatesCanonical(matcher.group(1), matcher.group(2)))
				: Optional.empty();
	}
}
