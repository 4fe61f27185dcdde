package org.dsftestbed.fhir.search.parameter;

import java.util.List;
import java.util.stream.Collectors;

import org.dsftestbed.fhir.search.parameter.basic.CanonicalUrlParameter;
import org.dsftestbed.fhir.search.parameter.basic.SqlLike;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code _profile}, every type, on {@code meta.profile}: {@code url|version} needs that exact entry; a bare
 * {@code url} also finds versioned entries {@code url|...}; {@code :below} treats the URL as prefix (and the version,
 * if given, as suffix).
 */
public final class ResourceProfile<R extends Resource> extends CanonicalUrlParameter<R>
{
	public ResourceProfile(Class<R> type)
	{
		super(type, "_profile");
	}

	@Override
	protected boolean test(R resource, CanonicalValue value)
	{
		List<String> profiles = profiles(resource);
		if (value.below())
		{
			String pattern = value.version() == null ? value.url() + "%" : value.url() + "%|" + value.version();
			return profiles.stream().anyMatch(p -> SqlLike.matches(p, pattern));
		}
		if (value.version() != null)
			return profiles.contains(value.url() + "|" + value.version());
		return profiles.contains(value.url())
				|| profiles.stream().anyMatch(p -> SqlLike.matches(p, value.url() + "|%"));
	}

	/** DSF orders by the JSON text of the profile array. */
	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		List<String> profiles = profiles(resource);
		return profiles.isEmpty() ? null
				: profiles.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", ", "[", "]"));
	}

	private List<String> profiles(R resource)
	{
		if (!resource.hasMeta())
			return List.of();
		return resource.getMeta().getProfile().stream().filter(CanonicalType::hasValue).map(CanonicalType::getValue)
				.toList();
	}
}
