package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.Resource;

/**
 * Who may create, read, update and delete resources of one type, as one DSF 1.9.0 authorization rule class does
 * ({@code FS/authorization/*AuthorizationRule.java}). Rules only decide; they never store. Server roles
 * (CREATE, READ, ...) are checked before a rule is asked.
 *
 * @param <R>
 *            the resource type
 */
public interface AuthorizationRule<R extends Resource>
{
	Class<R> resourceType();

	/** Rule name for refusals, e.g. {@code TaskAuthorizationRule}. */
	default String name()
	{
		return getClass().getSimpleName();
	}

	Decision create(Identity identity, R newResource, AuthorizationContext context);

	/** Read, vread, history and search results, and resources pulled in by {@code _include}. */
	Decision read(Identity identity, R existing, AuthorizationContext context);

	Decision update(Identity identity, R oldResource, R newResource, AuthorizationContext context);

	Decision delete(Identity identity, R oldResource, AuthorizationContext context);

	/** {@code $permanent-delete}: DSF requires a local identity with PERMANENT_DELETE that may delete. */
	default Decision permanentDelete(Identity identity, R oldResource, AuthorizationContext context)
	{
		if (!identity.isLocal())
			return Decision.refused(name(), "permanent delete is allowed for local identities only");
		return delete(identity, oldResource, context);
	}
}
