package org.dsftestbed.bpe.plugin;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The elements of a process that DSF's checks look at, in the process and, recursively, in its sub-processes: the
 * Java classes the engine will call ({@code camunda:class}) and the elements that send Tasks to other organizations.
 */
final class ProcessElements
{
	/** A {@code camunda:class} of an element, and the interface the engine calls it through. */
	record Delegate(String elementId, String className, Class<?> expectedInterface)
	{
	}

	/**
	 * An element that sends a Task (DSF's {@code AbstractTaskMessageSend}) and the extension elements holding its
	 * {@code camunda:field}s.
	 */
	record MessageSender(String elementType, String elementId, ExtensionElements extensionElements)
	{
	}

	private ProcessElements()
	{
	}

	/**
	 * Service and send tasks, message intermediate throw and message end events (JavaDelegate), task listeners of user
	 * tasks (TaskListener), execution listeners of all flow nodes (ExecutionListener). Elements without a
	 * {@code camunda:class} (expressions, delegate expressions) are not listed.
	 */
	static List<Delegate> delegates(Process process)
	{
		Stream<Delegate> tasks = Stream.concat(
				children(process, ServiceTask.class)
						.map(t -> delegate(t.getId(), t.getCamundaClass(), JavaDelegate.class)),
				children(process, SendTask.class)
						.map(t -> delegate(t.getId(), t.getCamundaClass(), JavaDelegate.class)));
		Stream<Delegate> taskListeners = children(process, UserTask.class)
				.flatMap(t -> extensions(t.getExtensionElements(), CamundaTaskListener.class)
						.map(l -> delegate(t.getId(), l.getCamundaClass(), TaskListener.class)));
		Stream<Delegate> executionListeners = children(process, FlowNode.class)
				.flatMap(n -> extensions(n.getExtensionElements(), CamundaExecutionListener.class)
						.map(l -> delegate(n.getId(), l.getCamundaClass(), ExecutionListener.class)));
		Stream<Delegate> messageEvents = Stream
				.concat(messageDefinitions(process, IntermediateThrowEvent.class),
						messageDefinitions(process, EndEvent.class))
				.map(d -> delegate(eventId(d), d.getCamundaClass(), JavaDelegate.class));

		return Stream.of(tasks, taskListeners, executionListeners, messageEvents).flatMap(s -> s)
				.filter(d -> d.className() != null && !d.className().isBlank()).toList();
	}

	/** Send tasks, message intermediate throw events and message end events. */
	static List<MessageSender> messageSenders(Process process)
	{
		Stream<MessageSender> sendTasks = children(process, SendTask.class)
				.map(t -> new MessageSender("send task", t.getId(), t.getExtensionElements()));
		Stream<MessageSender> throwEvents = messageDefinitions(process, IntermediateThrowEvent.class)
				.map(d -> new MessageSender("message intermediate throw event", eventId(d), d.getExtensionElements()));
		Stream<MessageSender> endEvents = messageDefinitions(process, EndEvent.class)
				.map(d -> new MessageSender("message end event", eventId(d), d.getExtensionElements()));
		return Stream.of(sendTasks, throwEvents, endEvents).flatMap(s -> s).toList();
	}

	/** Elements of a type directly in the process or in any of its (nested) sub-processes. */
	private static <T extends ModelElementInstance> Stream<T> children(Process process, Class<T> type)
	{
		return containers(process).flatMap(c -> c.getChildElementsByType(type).stream());
	}

	private static Stream<ModelElementInstance> containers(ModelElementInstance container)
	{
		return Stream.concat(Stream.of(container),
				container.getChildElementsByType(SubProcess.class).stream().flatMap(ProcessElements::containers));
	}

	private static Stream<MessageEventDefinition> messageDefinitions(Process process,
			Class<? extends ThrowEvent> eventType)
	{
		return children(process, eventType).flatMap(e -> e.getEventDefinitions().stream())
				.filter(MessageEventDefinition.class::isInstance).map(MessageEventDefinition.class::cast);
	}

	/** The id of the event a message definition belongs to: what a modeler shows. */
	private static String eventId(MessageEventDefinition definition)
	{
		return ((BaseElement) definition.getParentElement()).getId();
	}

	private static <T extends ModelElementInstance> Stream<T> extensions(ExtensionElements extensionElements,
			Class<T> type)
	{
		return extensionElements == null ? Stream.empty() : extensionElements.getChildElementsByType(type).stream();
	}

	private static Delegate delegate(String elementId, String className, Class<?> expectedInterface)
	{
		return new Delegate(elementId, className, expectedInterface);
	}
}
