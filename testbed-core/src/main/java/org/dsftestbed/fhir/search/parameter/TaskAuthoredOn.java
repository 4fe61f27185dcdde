package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.DateTimeElementParameter;
import org.hl7.fhir.r4.model.Task;

/** {@code Task.authoredOn}. */
public final class TaskAuthoredOn extends DateTimeElementParameter<Task>
{
	public TaskAuthoredOn()
	{
		super(Task.class, "authored-on", t -> t.hasAuthoredOnElement() ? t.getAuthoredOnElement() : null);
	}
}
