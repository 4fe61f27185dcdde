package org.dsftestbed.junit;

import java.util.List;

import org.dsftestbed.runtime.container.DockerEnvironment;
import org.dsftestbed.runtime.container.dsf.DsfImages;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension behind {@link RequiresDsfImages}: looks for the set's images ({@code docker image inspect}) and runs
 * or skips as {@link ContainerTestGate#decideDsfImages(List)} decides. Without Docker it leaves the decision to
 * {@link RequiresDocker}.
 */
public final class RequiresDsfImagesCondition implements ExecutionCondition
{
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context)
	{
		if (GateConditions.find(context, RequiresDsfImages.class).isEmpty())
			return ConditionEvaluationResult.enabled("no @RequiresDsfImages");
		if (!DockerEnvironment.status().usable())
			return ConditionEvaluationResult.enabled("no Docker: @RequiresDocker decides");
		List<String> missing = DsfImages.fromSystemProperties().started().stream()
				.filter(image -> !DockerEnvironment.hasImage(image)).toList();
		return GateConditions.apply(ContainerTestGate.decideDsfImages(missing), "FAILED dsf image set tests: ");
	}
}
