package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.List;

import org.dsftestbed.fhir.authorization.process.ProcessAuthorizations;
import org.hl7.fhir.r4.model.ActivityDefinition;

/**
 * ActivityDefinition (a process): a canonical resource whose process-authorization extensions must be valid, since
 * the Task rule reads them to decide who may start or continue the process.
 */
public final class ActivityDefinitionAuthorizationRule extends CanonicalResourceAuthorizationRule<ActivityDefinition>
{
	public ActivityDefinitionAuthorizationRule()
	{
		super(ActivityDefinition.class);
	}

	@Override
	protected List<String> typeSpecificProblems(ActivityDefinition resource, AuthorizationContext context)
	{
		return ProcessAuthorizations.problems(resource);
	}
}
