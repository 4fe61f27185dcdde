package org.dsftestbed.bpe.failure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * After the user task: the answer to item {@value FailurePlugin#APPROVED_ITEM} of the completed QuestionnaireResponse
 * as output {@value FailurePlugin#ANSWER} on the start Task.
 */
public class RecordAnswer extends AbstractServiceDelegate
{
	public RecordAnswer(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		QuestionnaireResponse answered = variables.getLatestReceivedQuestionnaireResponse();
		String answer = api.getQuestionnaireResponseHelper()
				.getItemLeavesMatchingLinkIdAsStream(answered, FailurePlugin.APPROVED_ITEM).findFirst()
				.orElseThrow(() -> new IllegalStateException("no item " + FailurePlugin.APPROVED_ITEM))
				.getAnswerFirstRep().getValue().primitiveValue();
		Task start = variables.getStartTask();
		start.addOutput(api.getTaskHelper().createOutput(new StringType(answer), FailurePlugin.CODE_SYSTEM,
				FailurePlugin.ANSWER));
		variables.updateTask(start);
	}
}
