package org.dsftestbed.bpe.runtime;

import java.util.List;

import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.hl7.fhir.r4.model.Resource;

import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;

/**
 * DSF 1.9.0's process variable types (spec §5.9): Target, Targets, a FHIR resource and a list of FHIR resources, each
 * a Camunda primitive value type stored as JSON by its own serializer ({@code dev.dsf.bpe.variables.*}). The BPE stores
 * the Tasks and QuestionnaireResponses it receives with the same types, and {@link ExecutionVariables} gives plugins
 * these types.
 *
 * <pre>{@code
 * execution.setVariable("target", VariableValues.target(target));           // stored as {"organizationIdentifierValue":..}
 * engineOptions.withVariableSerializer(..) for each of VariableValues.serializers(fhirContext)
 * }</pre>
 */
public final class VariableValues
{
	static final DsfValueType<TargetValue> TARGET = new DsfValueType<>("targetimpl", TargetValue.class);
	static final DsfValueType<TargetsValue> TARGETS = new DsfValueType<>("targetsimpl", TargetsValue.class);
	static final DsfValueType<Resource> FHIR_RESOURCE = new DsfValueType<>("resource", Resource.class);
	static final DsfValueType<FhirResources> FHIR_RESOURCES = new DsfValueType<>("fhirresourceslist",
			FhirResources.class);

	private VariableValues()
	{
	}

	/** The serializers of the four types, for the engine (DSF: {@code customPreVariableSerializers}). */
	public static List<TypedValueSerializer<?>> serializers(FhirContext fhirContext)
	{
		ObjectMapper objectMapper = ObjectMappers.forPlugins(fhirContext);
		return List.of(new JsonValueSerializer<>(TARGET, TargetValue.class, objectMapper),
				new JsonValueSerializer<>(TARGETS, TargetsValue.class, objectMapper),
				new FhirResourceValueSerializer(FHIR_RESOURCE, fhirContext),
				new JsonValueSerializer<>(FHIR_RESOURCES, FhirResources.class, objectMapper));
	}

	public static PrimitiveValue<TargetValue> target(TargetValue target)
	{
		return TARGET.valueOf(target);
	}

	public static PrimitiveValue<TargetsValue> targets(TargetsValue targets)
	{
		return TARGETS.valueOf(targets);
	}

	/** A FHIR resource (e.g. a Task) as process variable value, {@code null} for {@code null}. */
	public static PrimitiveValue<Resource> resource(Resource resource)
	{
		return resource == null ? null : FHIR_RESOURCE.valueOf(resource);
	}

	/** FHIR resources as one process variable value, {@code null} for {@code null}. */
	public static PrimitiveValue<FhirResources> resources(List<? extends Resource> resources)
	{
		return resources == null ? null : FHIR_RESOURCES.valueOf(new FhirResources(resources));
	}

	/** The resources of a value {@link #resources} made, as read from a variable; {@code null} for {@code null}. */
	public static <R extends Resource> List<R> resourcesOf(Object variable)
	{
		return variable == null ? null : ((FhirResources) variable).resourcesAs();
	}
}
