package org.dsftestbed.bpe.runtime;

import java.util.List;

import org.camunda.bpm.engine.impl.variable.serializer.JavaObjectSerializer;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.hl7.fhir.r4.model.Resource;

/**
 * Stores FHIR resources and non-empty lists of them (Tasks, QuestionnaireResponses, a plugin's
 * {@code Variables.setResource/setResourceList}) Java-serialized like Camunda's own serializer, but as values the
 * engine does not watch for changes: a resource changed in place is stored again only when it is set again (DSF:
 * {@code Variables.updateTask}, {@code setResource}).
 * <p>
 * Why: DSF 1.9.0 keeps resources as its own primitive value types ({@code FhirResourceValues},
 * {@code FhirResourcesListValues}), which Camunda never re-serializes implicitly. Within one transaction both see the
 * same object; across a wait state DSF loses what was changed without being set again, e.g. the error output
 * {@code AbstractTaskMessageSend} adds to in-progress Tasks when a multi-instance send fails. Camunda's Java object
 * serializer would keep such changes, which a plugin could observe on the FHIR server.
 */
public final class ResourceVariableSerializer extends JavaObjectSerializer
{
	public static final String NAME = "testbed-fhir-resources";

	@Override
	public String getName()
	{
		return NAME;
	}

	@Override
	protected boolean canSerializeValue(Object value)
	{
		return value instanceof Resource
				|| value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Resource.class::isInstance);
	}

	@Override
	public boolean isMutableValue(ObjectValue value)
	{
		return false;
	}
}
