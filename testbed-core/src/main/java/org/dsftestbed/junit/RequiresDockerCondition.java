package org.dsftestbed.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dsftestbed.junit.ContainerTestGate.Decision;
import org.dsftestbed.junit.ContainerTestGate.Outcome;
import org.dsftestbed.runtime.container.DockerEnvironment;
import org.dsftestbed.runtime.container.TestbedImages;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link RequiresDocker}: probes Docker ({@link DockerEnvironment}), and runs, skips or fails
 * the annotated tests as {@link ContainerTestGate} decides. A failure is thrown from the condition, which JUnit
 * reports as a failed test class or method carrying the message.
 */
public final class RequiresDockerCondition implements ExecutionCondition
{
	// every distinct skip/fail line is printed once per JVM, however many tests it concerns
	private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();
	private static final Map<String, Boolean> IMAGE_PRESENT = new ConcurrentHashMap<>();

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context)
	{
		Optional<RequiresDocker> requirement = findRequirement(context);
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

		switch (decision.outcome())
		{
			case RUN:
				return ConditionEvaluationResult.enabled(decision.message());
			case SKIP:
				printOnce(decision.message());
				return ConditionEvaluationResult.disabled(decision.message());
			default:
				printOnce("FAILED container tests: " + decision.message());
				throw new IllegalStateException(decision.message());
		}
	}

	// the nearest @RequiresDocker: on the method, its class, or an enclosing class (@Nested)
	private static Optional<RequiresDocker> findRequirement(ExtensionContext context)
	{
		for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent())
		{
			Optional<AnnotatedElement> element = c.get().getElement();
			if (element.isPresent())
			{
				Optional<RequiresDocker> found = AnnotationSupport.findAnnotation(element.get(), RequiresDocker.class);
				if (found.isPresent())
					return found;
			}
		}
		return Optional.empty();
	}

	private static void printOnce(String line)
	{
		if (PRINTED.add(line))
			System.err.println(line);
	}
}
