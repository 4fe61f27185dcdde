package org.dsftestbed.bpe.conformance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.variables.Variables;

/**
 * One test activity of the conformance plugin: runs its checks against the v1 API and records each as a
 * {@code test-method-succeeded} output (value: the check's name) or {@code test-method-failed} output (name and
 * reason) on the start Task, stored with {@code Variables.updateTask}; the BPE's end listener writes them to the FHIR
 * server with status completed.
 */
public abstract class ConformanceActivity extends AbstractServiceDelegate
{
	protected ConformanceActivity(ProcessPluginApi api)
	{
		super(api);
	}

	/** Adds this activity's checks; they run after this method returns. */
	protected abstract void addChecks(Checks checks, DelegateExecution execution, Variables variables);

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables) throws Exception
	{
		Checks checks = new Checks();
		addChecks(checks, execution, variables);
		var results = checks.run();

		Task start = variables.getStartTask();
		for (Checks.Result result : results)
			start.addOutput(api.getTaskHelper().createOutput(
					new StringType(result.succeeded() ? result.name() : result.name() + ": " + result.failure()),
					ConformanceNetwork.TEST_CODE_SYSTEM,
					result.succeeded() ? ConformanceNetwork.SUCCEEDED : ConformanceNetwork.FAILED));
		variables.updateTask(start);
	}
}
