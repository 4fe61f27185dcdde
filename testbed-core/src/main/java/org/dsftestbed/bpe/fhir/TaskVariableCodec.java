package org.dsftestbed.bpe.fhir;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.variable.Variables;
import org.dsftestbed.fhir.context.FhirContexts;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * How Tasks are stored as process variables. DSF 1.9.0 stores them as its own FHIR-resource value type (serializer
 * of the BPE's plugin runtime, {@code FhirResourceValues}); the plugin runtime supplies a codec producing that type.
 * {@link #JSON_STRING} is a stand-in for tests without plugin runtime: a Task as a JSON string value, a list as a
 * JSON collection Bundle.
 */
public interface TaskVariableCodec
{
	Object toVariable(Task task);

	Task fromVariable(Object value);

	Object toListVariable(List<Task> tasks);

	List<Task> fromListVariable(Object value);

	TaskVariableCodec JSON_STRING = new TaskVariableCodec()
	{
		@Override
		public Object toVariable(Task task)
		{
			return Variables.stringValue(FhirContexts.r4().newJsonParser().encodeResourceToString(task));
		}

		@Override
		public Task fromVariable(Object value)
		{
			return value == null ? null : FhirContexts.r4().newJsonParser().parseResource(Task.class, (String) value);
		}

		@Override
		public Object toListVariable(List<Task> tasks)
		{
			Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
			tasks.forEach(t -> bundle.addEntry().setResource(t));
			return Variables.stringValue(FhirContexts.r4().newJsonParser().encodeResourceToString(bundle));
		}

		@Override
		public List<Task> fromListVariable(Object value)
		{
			List<Task> tasks = new ArrayList<>();
			if (value == null)
				return tasks;
			Bundle bundle = FhirContexts.r4().newJsonParser().parseResource(Bundle.class, (String) value);
			for (Bundle.BundleEntryComponent entry : bundle.getEntry())
			{
				Resource r = entry.getResource();
				if (r instanceof Task t)
					tasks.add(t);
			}
			return tasks;
		}
	};
}
