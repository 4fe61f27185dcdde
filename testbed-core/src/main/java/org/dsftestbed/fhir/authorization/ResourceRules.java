package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.Resource;

/** The authorization decisions of a server for resources of any type; {@link AuthorizationRules#dsf()} is DSF's. */
public interface ResourceRules
{
	boolean supports(String resourceType);

	Decision create(Identity identity, Resource newResource, AuthorizationContext context);

	Decision read(Identity identity, Resource existing, AuthorizationContext context);

	Decision update(Identity identity, Resource oldResource, Resource newResource, AuthorizationContext context);

	Decision delete(Identity identity, Resource oldResource, AuthorizationContext context);

	Decision permanentDelete(Identity identity, Resource oldResource, AuthorizationContext context);

	/**
	 * Allows everything on every type: for a server's own start-up data, which DSF loads with its built-in
	 * "Initial Data Loader" identity.
	 */
	static ResourceRules trusted()
	{
		Decision allowed = Decision.allowed("initial data");
		return new ResourceRules()
		{
			@Override
			public boolean supports(String resourceType)
			{
				return true;
			}

			@Override
			public Decision create(Identity identity, Resource newResource, AuthorizationContext context)
			{
				return allowed;
			}

			@Override
			public Decision read(Identity identity, Resource existing, AuthorizationContext context)
			{
				return allowed;
			}

			@Override
			public Decision update(Identity identity, Resource oldResource, Resource newResource,
					AuthorizationContext context)
			{
				return allowed;
			}

			@Override
			public Decision delete(Identity identity, Resource oldResource, AuthorizationContext context)
			{
				return allowed;
			}

			@Override
			public Decision permanentDelete(Identity identity, Resource oldResource, AuthorizationContext context)
			{
				return allowed;
			}
		};
	}
}
