package org.dsftestbed.fhir.search.parameter;

import java.util.List;

import org.dsftestbed.fhir.search.parameter.basic.ReferenceParameter;
import org.hl7.fhir.r4.model.PractitionerRole;

/** {@code PractitionerRole.practitioner}. */
public final class PractitionerRolePractitioner extends ReferenceParameter<PractitionerRole>
{
	public PractitionerRolePractitioner()
	{
		super(PractitionerRole.class, "practitioner", r -> List.of(r.getPractitioner()), "Practitioner");
	}
}
