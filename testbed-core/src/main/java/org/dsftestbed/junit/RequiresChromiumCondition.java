package org.dsftestbed.junit;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The extension behind {@link RequiresChromium}: runs, skips or fails as {@link ContainerTestGate}'s rule decides. */
public final class RequiresChromiumCondition implements ExecutionCondition
{
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context)
	{
		if (GateConditions.find(context, RequiresChromium.class).isEmpty())
			return ConditionEvaluationResult.enabled("no @RequiresChromium");
		Optional<Path> chromium = Chromium.find(System.getenv());
		boolean required = ContainerTestGate.required(System.getenv(), Chromium.REQUIRE_CHROMIUM_ENV);
		return GateConditions.apply(Chromium.decide(required, chromium.isPresent()), "FAILED browser tests: ");
	}
}
