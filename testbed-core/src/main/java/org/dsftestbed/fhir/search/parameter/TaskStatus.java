package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.CodeParameter;
import org.hl7.fhir.r4.model.Task;

/** {@code Task?status=requested}: the BPE's Task subscription and catch-up poll. */
public final class TaskStatus extends CodeParameter<Task>
{
	public TaskStatus()
	{
		super(Task.class, "status", t -> t.hasStatus() ? t.getStatus().toCode() : null, Task.TaskStatus::fromCode,
				OtherForms.IGNORE);
	}
}
