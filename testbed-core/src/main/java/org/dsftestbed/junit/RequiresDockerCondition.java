package org.dsftestbed.junit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.dsftestbed.junit.ContainerTestGate.Decision;
import org.dsftestbed.junit.ContainerTestGate.Outcome;
import org.dsftestbed.runtime.container.DockerEnvironment;
import org.dsftestbed.runtime.container.TestbedImages;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension behind {@link RequiresDocker}: probes Docker ({@link DockerEnvironment}), and runs, skips or fails
 * the annotated tests as {@link ContainerTestGate} decides. A failure is thrown from the condition, which JUnit
 * reports as a failed test class or method carrying the message.
 */
public final class RequiresDockerCondition implements ExecutionCondition
{
	private static final Map<String, Boolean> IMAGE_PRESENT = new ConcurrentHashMap<>();

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context)
	{
		Optional<RequiresDocker> requirement = GateConditions.find(context, RequiresDocker.class);
		if (requirement.isEmpty())
			return ConditionEvaluationResult.enabled("no @RequiresDocker");

		boolean required = ContainerTestGate.dockerRequired(System.getenv());
		DockerEnvironment.Status docker = DockerEnvironment.status();
		Decision decision = ContainerTestGate.decide(required, docker.usable(), docker.reason());
		if (decision.outcome() == Outcome.RUN && requirement.get().baseImage())
		{
			String image = TestbedImages.baseImage();
			decision = ContainerTestGate.decideBaseImage(required,
					IMAGE_PRESENT.computeIfAbsent(image, DockerEnvironment::hasImage), image,
					TestbedImages.BASE_IMAGE_BUILD_COMMAND);
		}

		return GateConditions.apply(decision, "FAILED container tests: ");
	}
}
