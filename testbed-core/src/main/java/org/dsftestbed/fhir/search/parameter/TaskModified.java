package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.DateTimeElementParameter;
import org.hl7.fhir.r4.model.Task;

/** {@code Task.lastModified}. */
public final class TaskModified extends DateTimeElementParameter<Task>
{
	public TaskModified()
	{
		super(Task.class, "modified", t -> t.hasLastModifiedElement() ? t.getLastModifiedElement() : null);
	}
}
