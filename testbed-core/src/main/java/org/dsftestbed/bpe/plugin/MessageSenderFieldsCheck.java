package org.dsftestbed.bpe.plugin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.dsftestbed.bpe.plugin.BpmnModelCheck.ValidModel;
import org.dsftestbed.bpe.plugin.ProcessElements.MessageSender;

/**
 * Every send task, message intermediate throw event and message end event must give its Task-sending delegate the
 * {@code camunda:field}s {@code instantiatesCanonical}, {@code messageName} and {@code profile}, each non-blank. Like
 * DSF, the check reads a field's text content ({@code <camunda:string>} or {@code <camunda:expression>} children): a
 * value given as {@code camunda:stringValue} attribute counts as blank. A process that fails is left out.
 */
final class MessageSenderFieldsCheck
{
	private static final List<String> REQUIRED_FIELDS = List.of("instantiatesCanonical", "messageName", "profile");

	private MessageSenderFieldsCheck()
	{
	}

	/** Whether every message sender of the model has its fields; findings for those that do not. */
	static boolean check(ValidModel model, Findings findings)
	{
		boolean ok = true;
		for (MessageSender sender : ProcessElements.messageSenders(model.process()))
		{
			List<String> missing = missingFields(sender);
			if (!missing.isEmpty())
			{
				findings.add(Rule.BPMN_MESSAGE_FIELDS, model.file(), "process " + model.id() + ": "
						+ sender.elementType() + " " + sender.elementId() + " lacks non-blank camunda:field "
						+ String.join(", ", missing));
				ok = false;
			}
		}
		return ok;
	}

	private static List<String> missingFields(MessageSender sender)
	{
		Map<String, String> values = new HashMap<>();
		if (sender.extensionElements() != null)
			sender.extensionElements().getChildElementsByType(CamundaField.class)
					.forEach(f -> values.put(f.getCamundaName(), f.getTextContent()));
		return REQUIRED_FIELDS.stream().filter(name -> values.get(name) == null || values.get(name).isBlank()).toList();
	}
}
