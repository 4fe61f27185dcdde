package org.dsftestbed.fhir.authorization;

import org.hl7.fhir.r4.model.ValueSet;

/** ValueSet: a canonical resource with nothing beyond the shared checks. */
public final class ValueSetAuthorizationRule extends CanonicalResourceAuthorizationRule<ValueSet>
{
	public ValueSetAuthorizationRule()
	{
		super(ValueSet.class);
	}
}
