package org.dsftestbed.bpe.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializerFactory;

/**
 * What one organization's engine is built with, beyond the settings every engine shares. These are the places where
 * DSF's BPE hooks into Camunda, so the BPE built on this package plugs in the same way:
 *
 * <pre>{@code
 * EngineOptions.forOrganization("dic.dsf.test")
 * 		.withBpmnParseFactory(pluginDelegates)          // DSF: delegates per execution from the plugin's Spring context
 * 		.withBpmnParseListener(taskListeners)           // DSF: start/end listeners that track Tasks
 * 		.withVariableSerializer(targetSerializer)       // DSF: Target, Targets, FHIR resources
 * 		.withFallbackSerializerFactory(pluginSerializers); // DSF: the plugins' own serializers
 * }</pre>
 */
public final class EngineOptions
{
	final String organizationIdentifier;
	final List<BpmnParseListener> parseListeners = new ArrayList<>();
	@SuppressWarnings("rawtypes")
	final List<TypedValueSerializer> variableSerializers = new ArrayList<>();
	VariableSerializerFactory fallbackSerializerFactory;
	BpmnParseFactory bpmnParseFactory;
	EngineDatabase database;
	final List<Consumer<ProcessEngineConfigurationImpl>> customizers = new ArrayList<>();

	private EngineOptions(String organizationIdentifier)
	{
		this.organizationIdentifier = organizationIdentifier;
	}

	/**
	 * @param organizationIdentifier
	 *            the organization's {@code http://dsf.dev/sid/organization-identifier} value; also the engine's name,
	 *            unique within a network
	 */
	public static EngineOptions forOrganization(String organizationIdentifier)
	{
		Objects.requireNonNull(organizationIdentifier, "organizationIdentifier");
		if (organizationIdentifier.isBlank())
			throw new IllegalArgumentException("organizationIdentifier is blank");
		return new EngineOptions(organizationIdentifier);
	}

	public String organizationIdentifier()
	{
		return organizationIdentifier;
	}

	/** A listener called while BPMN is parsed, before Camunda's own (as DSF's {@code customPreBPMNParseListeners}). */
	public EngineOptions withBpmnParseListener(BpmnParseListener listener)
	{
		parseListeners.add(Objects.requireNonNull(listener, "listener"));
		return this;
	}

	/** A variable serializer tried before Camunda's own (as DSF's {@code customPreVariableSerializers}). */
	public EngineOptions withVariableSerializer(TypedValueSerializer<?> serializer)
	{
		variableSerializers.add(Objects.requireNonNull(serializer, "serializer"));
		return this;
	}

	/** Where Camunda looks for serializers it does not know, e.g. ones contributed by plugins. */
	public EngineOptions withFallbackSerializerFactory(VariableSerializerFactory factory)
	{
		fallbackSerializerFactory = Objects.requireNonNull(factory, "factory");
		return this;
	}

	/** Replaces Camunda's BPMN parse, as DSF does to create class delegates from plugin Spring contexts. */
	public EngineOptions withBpmnParseFactory(BpmnParseFactory factory)
	{
		bpmnParseFactory = Objects.requireNonNull(factory, "factory");
		return this;
	}

	/**
	 * Builds the engine on an existing database that outlives it (an organization's BPE stopped and started again),
	 * instead of a fresh one dropped on close.
	 */
	public EngineOptions withDatabase(EngineDatabase database)
	{
		this.database = Objects.requireNonNull(database, "database");
		return this;
	}

	/**
	 * Last word on the engine's configuration, applied after everything else and before the engine is built. For
	 * settings this class has no method for; changing the data source, the job executor or the engine name breaks the
	 * network's assumptions.
	 */
	public EngineOptions withConfiguration(Consumer<ProcessEngineConfigurationImpl> customizer)
	{
		customizers.add(Objects.requireNonNull(customizer, "customizer"));
		return this;
	}
}
