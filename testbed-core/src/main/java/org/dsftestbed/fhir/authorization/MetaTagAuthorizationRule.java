package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.authorization.read.ReadAccessTags;
import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.Resource;

/**
 * The rule shape of every type whose read access is governed by read-access tags (DSF 1.9.0
 * {@code AbstractMetaTagAuthorizationRule}): only local identities (the organization or its practitioners) create,
 * update and delete; a created or updated resource must be valid — valid read-access tags plus the type's own checks;
 * a create must not duplicate a unique resource, an update must not change what makes it unique; reading follows the
 * tags.
 * <p>
 * Uniqueness is checked on create only, as in DSF; updates instead forbid changing the unique fields.
 */
public abstract class MetaTagAuthorizationRule<R extends Resource> extends AbstractAuthorizationRule<R>
{
	protected MetaTagAuthorizationRule(Class<R> resourceType)
	{
		super(resourceType);
	}

	@Override
	public final Decision create(Identity identity, R newResource, AuthorizationContext context)
	{
		if (!identity.isLocal())
			return refused(typeName() + " may only be created by local identities, not by " + identity.displayName());

		List<String> problems = problemsOf(newResource, context);
		if (!problems.isEmpty())
			return refused(problems);

		Optional<String> duplicate = duplicateOf(newResource, context);
		if (duplicate.isPresent())
			return refused(duplicate.get());

		return allowed("local identity, " + typeName() + " valid and unique");
	}

	@Override
	public final Decision read(Identity identity, R existing, AuthorizationContext context)
	{
		return grantingReadAccess(identity, existing, context)
				.map(grant -> allowed("read access by " + grant))
				.orElseGet(() -> refused("no read-access tag of this " + typeName() + " admits "
						+ identity.displayName()));
	}

	@Override
	public final Decision update(Identity identity, R oldResource, R newResource, AuthorizationContext context)
	{
		if (!identity.isLocal())
			return refused(typeName() + " may only be updated by local identities, not by " + identity.displayName());

		List<String> problems = problemsOf(newResource, context);
		if (!problems.isEmpty())
			return refused(problems);

		Optional<String> forbidden = forbiddenModification(oldResource, newResource, context);
		if (forbidden.isPresent())
			return refused(forbidden.get());

		return allowed("local identity, " + typeName() + " valid, modification allowed");
	}

	@Override
	public final Decision delete(Identity identity, R oldResource, AuthorizationContext context)
	{
		if (!identity.isLocal())
			return refused(typeName() + " may only be deleted by local identities, not by " + identity.displayName());

		return allowed("local identity");
	}

	private List<String> problemsOf(R resource, AuthorizationContext context)
	{
		List<String> problems = new ArrayList<>(contentProblems(resource, context));
		problems.addAll(readAccessProblems(resource, context));
		return problems;
	}

	/** What is wrong with the resource itself, apart from read access; none by default. */
	protected List<String> contentProblems(R resource, AuthorizationContext context)
	{
		return List.of();
	}

	/** A valid read-access tag is required; Binary may use a security context instead. */
	protected List<String> readAccessProblems(R resource, AuthorizationContext context)
	{
		return ReadAccessTags.problems(resource, context);
	}

	/** Which tag (or other grant) lets the identity read; Binary adds its security context. */
	protected Optional<String> grantingReadAccess(Identity identity, R existing, AuthorizationContext context)
	{
		return ReadAccessTags.grantingTag(identity, existing, context);
	}

	/** Why a new resource would duplicate a stored unique one; types without unique criteria never do. */
	protected Optional<String> duplicateOf(R newResource, AuthorizationContext context)
	{
		return Optional.empty();
	}

	/**
	 * Why changing {@code oldResource} into {@code newResource} is not allowed; types without unique criteria allow
	 * any change.
	 */
	protected Optional<String> forbiddenModification(R oldResource, R newResource, AuthorizationContext context)
	{
		return Optional.empty();
	}

	/** Stored resources of this rule's type, for uniqueness checks. */
	protected final List<R> stored(AuthorizationContext context)
	{
		return context.resources(typeName()).stream().filter(resourceType()::isInstance).map(resourceType()::cast)
				.toList();
	}
}
