package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.PractitionerRole;

/** PractitionerRole: must reference its organization and practitioner. */
public final class PractitionerRoleAuthorizationRule extends MetaTagAuthorizationRule<PractitionerRole>
{
	public PractitionerRoleAuthorizationRule()
	{
		super(PractitionerRole.class);
	}

	@Override
	protected List<String> contentProblems(PractitionerRole resource, AuthorizationContext context)
	{
		List<String> problems = new ArrayList<>();
		if (!resource.getOrganization().hasReference())
			problems.add("PractitionerRole.organization.reference missing");
		if (!resource.getPractitioner().hasReference())
			problems.add("PractitionerRole.practitioner.reference missing");
		return problems;
	}
}
