package org.dsftestbed.bpe.engine;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;

/** Small BPMN models in DSF's shape: process id {@code <domain>_<name>}, version tag, history time to live. */
final class Models
{
	static final String VERSION = "1.0";

	private Models()
	{
	}

	static ProcessBuilder process(String id)
	{
		// DSF's plugin loader sets P30D where a model has none; Camunda refuses deployments without
		return Bpmn.createExecutableProcess(id).camundaVersionTag(VERSION).camundaHistoryTimeToLive(30);
	}

	/** Message start, one expression task, end. */
	static BpmnModelInstance simple(String id, String startMessage)
	{
		return process(id).startEvent("start").message(startMessage).serviceTask("work")
				.camundaExpression("${execution.setVariable('worked', true)}").endEvent("end").done();
	}

	/** Message start, a PT5M timer, end. */
	static BpmnModelInstance fiveMinuteWait()
	{
		return process("dsfdev_wait").startEvent().message("startWait").intermediateCatchEvent("fiveMinutes")
				.timerWithDuration("PT5M").endEvent("waited").done();
	}

	/** Message start, a receive task with a 45-minute boundary timer: reply → "replied", deadline → "timedOut". */
	static BpmnModelInstance replyWithDeadline()
	{
		return process("dsfdev_deadline").startEvent().message("startDeadline").receiveTask("awaitReply")
				.message("reply").boundaryEvent("deadline").timerWithDuration("PT45M").endEvent("timedOut")
				.moveToActivity("awaitReply").endEvent("replied").done();
	}

	/**
	 * Message start, then three parallel sub-process instances each waiting for "reply"; as in DSF's ping process, a
	 * start listener on the waiting element puts the instance's key into the local variable {@code correlationKey}
	 * (here "0", "1", "2").
	 */
	static BpmnModelInstance fanOut()
	{
		return process("dsfdev_fanout").startEvent().message("startFanout").subProcess("perTarget").multiInstance()
				.parallel().cardinality("3").<SubProcessBuilder> multiInstanceDone().embeddedSubProcess().startEvent()
				.receiveTask("awaitReply").message("reply")
				.camundaExecutionListenerExpression("start",
						"${execution.setVariableLocal('correlationKey', loopCounter.toString())}")
				.endEvent().subProcessDone().endEvent("allReplied").done();
	}
}
