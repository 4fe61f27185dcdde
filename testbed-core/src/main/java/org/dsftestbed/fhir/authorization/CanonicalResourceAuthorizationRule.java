package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hl7.fhir.r4.model.MetadataResource;

/**
 * Conformance resources identified by {@code url|version} (ActivityDefinition, CodeSystem, ValueSet,
 * StructureDefinition): status draft/active/retired, url and version present, {@code url|version} unique, and
 * unchanged by updates. Plugins and the BPE rely on this to find "the" resource of a {@code url|version}.
 */
public abstract class CanonicalResourceAuthorizationRule<R extends MetadataResource> extends MetaTagAuthorizationRule<R>
{
	protected CanonicalResourceAuthorizationRule(Class<R> resourceType)
	{
		super(resourceType);
	}

	@Override
	protected final List<String> contentProblems(R resource, AuthorizationContext context)
	{
		List<String> problems = new ArrayList<>();
		PublicationStatuses.problemOf(resource).ifPresent(problems::add);
		if (!resource.hasUrl())
			problems.add(typeName() + ".url missing");
		if (!resource.hasVersion())
			problems.add(typeName() + ".version missing");
		problems.addAll(typeSpecificProblems(resource, context));
		return problems;
	}

	/** Checks beyond status, url and version; none by default. */
	protected List<String> typeSpecificProblems(R resource, AuthorizationContext context)
	{
		return List.of();
	}

	@Override
	protected final Optional<String> duplicateOf(R newResource, AuthorizationContext context)
	{
		return stored(context).stream().filter(r -> Objects.equals(r.getUrl(), newResource.getUrl()))
				.filter(r -> Objects.equals(r.getVersion(), newResource.getVersion())).findFirst()
				.map(r -> "a " + typeName() + " with url|version " + canonical(newResource) + " already exists");
	}

	@Override
	protected final Optional<String> forbiddenModification(R oldResource, R newResource, AuthorizationContext context)
	{
		if (Objects.equals(oldResource.getUrl(), newResource.getUrl())
				&& Objects.equals(oldResource.getVersion(), newResource.getVersion()))
			return Optional.empty();
		return Optional.of(typeName() + ".url and .version must not change (" + canonical(oldResource) + " -> "
				+ canonical(newResource) + ")");
	}

	private static String canonical(MetadataResource resource)
	{
		return resource.getUrl() + "|" + resource.getVersion();
	}
}
