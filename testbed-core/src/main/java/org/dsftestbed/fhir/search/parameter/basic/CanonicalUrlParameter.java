package org.dsftestbed.fhir.search.parameter.basic;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import org.hl7.fhir.r4.model.Resource;

/**
 * A URI parameter taking {@code url} or {@code url|version}, with {@code :below} for URL prefixes. A value with more
 * than one {@code |} is ignored without a problem, as in DSF.
 */
public abstract class CanonicalUrlParameter<R extends Resource> extends AbstractSearchParameter<R>
{
	public static final String BELOW = ":below";

	/** The requested URL, optional version, and whether {@code :below} was given. */
	public record CanonicalValue(String url, String version, boolean below)
	{
		public String linkValue()
		{
			return version == null ? url : url + "|" + version;
		}

		/** The URL compared as DSF does: equal, or with {@code :below} as a LIKE prefix. */
		public SqlTruth testUrl(String actualUrl)
		{
			if (actualUrl == null)
				return SqlTruth.UNKNOWN;
			return SqlTruth.of(below ? SqlLike.matches(actualUrl, url + "%") : actualUrl.equals(url));
		}
	}

	protected CanonicalUrlParameter(Class<R> type, String name)
	{
		super(type, name, List.of(BELOW));
	}

	@Override
	protected final Optional<Criterion> parseValue(String modifier, String value, ZoneId serverTimeZone,
			List<ParameterProblem> problems)
	{
		String[] parts = value.split("[|]");
		if (parts.length == 0 || parts.length > 2)
			return Optional.empty();

		CanonicalValue canonical = new CanonicalValue(parts[0], parts.length == 2 ? parts[1] : null,
				BELOW.equals(modifier));
		return Optional.of(criterion(name + modifier, canonical.linkValue(), resource -> test(resource, canonical)));
	}

	protected abstract boolean test(R resource, CanonicalValue value);
}
