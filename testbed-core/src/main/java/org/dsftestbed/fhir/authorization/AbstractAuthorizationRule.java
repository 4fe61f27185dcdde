package org.dsftestbed.fhir.authorization;

import java.util.List;

import org.hl7.fhir.r4.model.Resource;

/** What every rule shares: its resource type and refusals that name the rule. */
public abstract class AbstractAuthorizationRule<R extends Resource> implements AuthorizationRule<R>
{
	private final Class<R> resourceType;

	protected AbstractAuthorizationRule(Class<R> resourceType)
	{
		this.resourceType = resourceType;
	}

	@Override
	public final Class<R> resourceType()
	{
		return resourceType;
	}

	/** The FHIR type name, e.g. {@code Endpoint}. */
	protected final String typeName()
	{
		return resourceType.getSimpleName();
	}

	protected final Decision refused(String reason)
	{
		return Decision.refused(name(), reason);
	}

	protected final Decision refused(List<String> problems)
	{
		return refused(String.join(", ", problems));
	}

	protected static Decision allowed(String reason)
	{
		return Decision.allowed(reason);
	}
}
