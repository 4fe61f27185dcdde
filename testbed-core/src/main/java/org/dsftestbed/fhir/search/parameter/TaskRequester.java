package org.dsftestbed.fhir.search.parameter;

import java.util.List;

import org.dsftestbed.fhir.search.parameter.basic.ReferenceParameter;
import org.hl7.fhir.r4.model.Task;

/**
 * {@code Task.requester}: Practitioner, Organization, Patient or PractitionerRole. A bare id matches any of the four;
 * {@code _include} needs the target named, e.g. {@code Task:requester:Organization}.
 */
public final class TaskRequester extends ReferenceParameter<Task>
{
	public TaskRequester()
	{
		super(Task.class, "requester", t -> List.of(t.getRequester()), "Practitioner", "Organization", "Patient",
				"PractitionerRole");
	}
}
