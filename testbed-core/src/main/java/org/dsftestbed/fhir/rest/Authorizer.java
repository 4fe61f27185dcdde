package org.dsftestbed.fhir.rest;

import java.util.Optional;
import java.util.function.Function;

import org.dsftestbed.fhir.authorization.AuthorizationContext;
import org.dsftestbed.fhir.authorization.AuthorizationRule;
import org.dsftestbed.fhir.authorization.Decision;
import org.dsftestbed.fhir.identity.FhirServerRole;
import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.Resource;

/**
 * Decides requests as DSF does: first the identity's server role for the interaction, then the authorization rule
 * of the resource type. A type without a rule is refused, since DSF only serves the types it has rules for.
 */
public final class Authorizer
{
	private final Function<String, Optional<AuthorizationRule<Resource>>> rules;
	private final AuthorizationContext context;

	public Authorizer(Function<String, Optional<AuthorizationRule<Resource>>> rules, AuthorizationContext context)
	{
		this.rules = rules;
		this.context = context;
	}

	public AuthorizationContext context()
	{
		return context;
	}

	public Decision create(Identity identity, Resource resource)
	{
		return withRule(identity, FhirServerRole.CREATE, resource.fhirType(),
				rule -> rule.create(identity, resource, context));
	}

	public Decision read(Identity identity, Resource resource)
	{
		return withRule(identity, FhirServerRole.READ, resource.fhirType(), rule -> rule.read(identity, resource, context));
	}

	public Decision update(Identity identity, Resource oldResource, Resource newResource)
	{
		return withRule(identity, FhirServerRole.UPDATE, newResource.fhirType(),
				rule -> rule.update(identity, oldResource, newResource, context));
	}

	public Decision delete(Identity identity, Resource oldResource)
	{
		return withRule(identity, FhirServerRole.DELETE, oldResource.fhirType(),
				rule -> rule.delete(identity, oldResource, context));
	}

	public Decision permanentDelete(Identity identity, Resource oldResource)
	{
		return withRule(identity, FhirServerRole.PERMANENT_DELETE, oldResource.fhirType(),
				rule -> rule.permanentDelete(identity, oldResource, context));
	}

	/** Whether the identity may use an interaction at all (search, history), before any resource is looked at. */
	public Decision role(Identity identity, FhirServerRole role)
	{
		return identity.hasRole(role) ? Decision.allowed("role " + role)
				: Decision.refused("FhirServerRole", identity.displayName() + " lacks the role " + role);
	}

	public boolean supports(String type)
	{
		return rules.apply(type).isPresent();
	}

	private Decision withRule(Identity identity, FhirServerRole role, String type,
			Function<AuthorizationRule<Resource>, Decision> decision)
	{
		Decision roleDecision = role(identity, role);
		if (!roleDecision.isAllowed())
			return roleDecision;
		return rules.apply(type).map(decision)
				.orElseGet(() -> Decision.refused("Authorization", "resource type " + type + " is not supported"));
	}
}
