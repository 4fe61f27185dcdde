package org.dsftestbed.bpe.conformance;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.activity.AbstractServiceDelegate;
import dev.dsf.bpe.v1.variables.Variables;

/** Puts the start Task's {@code test-activity} input into variable {@code testActivity}, which the gateway reads. */
public class SelectTestActivity extends AbstractServiceDelegate
{
	public SelectTestActivity(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void doExecute(DelegateExecution execution, Variables variables)
	{
		String activity = api.getTaskHelper()
				.getFirstInputParameterStringValue(variables.getStartTask(), ConformanceNetwork.TEST_CODE_SYSTEM,
						ConformanceNetwork.TEST_ACTIVITY)
				.orElseThrow(() -> new IllegalStateException("start Task has no test-activity input"));
		variables.setString("testActivity", activity);
	}
}
