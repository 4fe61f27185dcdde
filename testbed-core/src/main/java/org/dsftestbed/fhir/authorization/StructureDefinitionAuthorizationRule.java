package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.List;

import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * StructureDefinition: a canonical resource that must also name its base definition (DSF generates snapshots from
 * it).
 */
public final class StructureDefinitionAuthorizationRule extends CanonicalResourceAuthorizationRule<StructureDefinition>
{
	public StructureDefinitionAuthorizationRule()
	{
		super(StructureDefinition.class);
	}

	@Override
	protected List<String> typeSpecificProblems(StructureDefinition resource, AuthorizationContext context)
	{
		return resource.hasBaseDefinition() ? List.of() : List.of("StructureDefinition.baseDefinition missing");
	}
}
