package org.dsftestbed.fhir.authorization;

import org.hl7.fhir.r4.model.CodeSystem;

/** CodeSystem: a canonical resource with nothing beyond the shared checks. */
public final class CodeSystemAuthorizationRule extends CanonicalResourceAuthorizationRule<CodeSystem>
{
	public CodeSystemAuthorizationRule()
	{
		super(CodeSystem.class);
	}
}
