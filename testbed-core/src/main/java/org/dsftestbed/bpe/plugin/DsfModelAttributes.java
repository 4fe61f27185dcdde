package org.dsftestbed.bpe.plugin;

import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What DSF 1.9.0's BPE adds to every process model it loads before deploying it:
 * <ul>
 * <li>the Camunda property {@value #PROCESS_API_VERSION_PROPERTY} = {@value #PROCESS_API_VERSION} in the process's
 * extension elements, by which the engine picks the v1 API for the process's delegates and listeners;</li>
 * <li>a history time to live of {@value #DEFAULT_HISTORY_TIME_TO_LIVE} where the model sets none (Camunda 7.20+
 * refuses to deploy a process without one).</li>
 * </ul>
 */
public final class DsfModelAttributes
{
	public static final String PROCESS_API_VERSION_PROPERTY = "dsf.process.api.version";
	public static final String PROCESS_API_VERSION = "1";
	public static final String DEFAULT_HISTORY_TIME_TO_LIVE = "P30D";

	private DsfModelAttributes()
	{
	}

	static void apply(Process process)
	{
		apiVersionProperty(process).setCamundaValue(PROCESS_API_VERSION);

		String timeToLive = process.getCamundaHistoryTimeToLiveString();
		if (timeToLive == null || timeToLive.isBlank())
			process.setCamundaHistoryTimeToLiveString(DEFAULT_HISTORY_TIME_TO_LIVE);
	}

	/** The process's API version, {@code null} if the model has none (it was not loaded by the plugin loader). */
	public static String processApiVersion(Process process)
	{
		ExtensionElements extensions = process.getExtensionElements();
		if (extensions == null)
			return null;
		return extensions.getChildElementsByType(CamundaProperties.class).stream()
				.flatMap(p -> p.getCamundaProperties().stream())
				.filter(p -> PROCESS_API_VERSION_PROPERTY.equals(p.getCamundaName()))
				.map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
	}

	private static CamundaProperty apiVersionProperty(Process process)
	{
		ExtensionElements extensions = process.getExtensionElements();
		if (extensions == null)
		{
			extensions = process.getModelInstance().newInstance(ExtensionElements.class);
			process.setExtensionElements(extensions);
		}
		CamundaProperties properties = extensions.getChildElementsByType(CamundaProperties.class).stream().findFirst()
				.orElse(null);
		if (properties == null)
		{
			properties = extensions.getModelInstance().newInstance(CamundaProperties.class);
			extensions.addChildElement(properties);
		}
		CamundaProperty property = properties.getCamundaProperties().stream()
				.filter(p -> PROCESS_API_VERSION_PROPERTY.equals(p.getCamundaName())).findFirst().orElse(null);
		if (property == null)
		{
			property = properties.getModelInstance().newInstance(CamundaProperty.class);
			property.setCamundaName(PROCESS_API_VERSION_PROPERTY);
			properties.addChildElement(property);
		}
		return property;
	}
}
