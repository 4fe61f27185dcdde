package org.dsftestbed.fhir.rest;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import org.dsftestbed.fhir.authorization.Decision;
import org.dsftestbed.fhir.authorization.ResourceRules;
import org.dsftestbed.fhir.identity.FhirServerRole;
import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.Resource;

/**
 * Decides requests as DSF does: first the identity's server role for the interaction, then the authorization rule
 * of the resource type.
 */
public final class Authorizer
{
	private final ResourceRules rules;
	private final AuthorizationContext context;

	public Authorizer(ResourceRules rules, AuthorizationContext context)
	{
		this.rules = rules;
		this.context = context;
	}

	public Decision create(Identity identity, Resource resource)
	{
		Decision role = role(identity, FhirServerRole.CREATE);
		return role.isAllowed() ? rules.create(identity, resource, context) : role;
	}

	public Decision read(Identity identity, Resource resource)
	{
		Decision role = role(identity, FhirServerRole.READ);
		return role.isAllowed() ? rules.read(identity, resource, context) : role;
	}

	public Decision update(Identity identity, Resource oldResource, Resource newResource)
	{
		Decision role = role(identity, FhirServerRole.UPDATE);
		return role.isAllowed() ? rules.update(identity, oldResource, newResource, context) : role;
	}

	public Decision delete(Identity identity, Resource oldResource)
	{
		Decision role = role(identity, FhirServerRole.DELETE);
		return role.isAllowed() ? rules.delete(identity, oldResource, context) : role;
	}

	public Decision permanentDelete(Identity identity, Resource oldResource)
	{
		Decision role = role(identity, FhirServerRole.PERMANENT_DELETE);
		return role.isAllowed() ? rules.permanentDelete(identity, oldResource, context) : role;
	}

	/** Whether the identity may use an interaction at all (search, history), before any resource is looked at. */
	public Decision role(Identity identity, FhirServerRole role)
	{
		return identity.hasRole(role) ? Decision.allowed("role " + role)
				: Decision.refused("FhirServerRole", identity.displayName() + " lacks the role " + role);
	}

	public boolean supports(String type)
	{
		return rules.supports(type);
	}
}
