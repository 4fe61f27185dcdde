package org.dsftestbed.junit;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dsftestbed.junit.ContainerTestGate.Decision;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** What the gate conditions share: finding their annotation, and turning a {@link Decision} into JUnit's answer. */
final class GateConditions
{
	// every distinct skip/fail line is printed once per JVM, however many tests it concerns
	private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

	private GateConditions()
	{
	}

	/** The nearest annotation: on the method, its class, or an enclosing class ({@code @Nested}). */
	static <A extends Annotation> Optional<A> find(ExtensionContext context, Class<A> type)
	{
		for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent())
		{
			Optional<AnnotatedElement> element = c.get().getElement();
			if (element.isPresent())
			{
				Optional<A> found = AnnotationSupport.findAnnotation(element.get(), type);
				if (found.isPresent())
					return found;
			}
		}
		return Optional.empty();
	}

	/**
	 * Run, skip (printing the line once) or fail: a failure is thrown from the condition, which JUnit reports as a
	 * failed test class or method carrying the message.
	 *
	 * @param failedPrefix
	 *            printed before a failure's message, e.g. {@code "FAILED container tests: "}
	 */
	static ConditionEvaluationResult apply(Decision decision, String failedPrefix)
	{
		switch (decision.outcome())
		{
			case RUN:
				return ConditionEvaluationResult.enabled(decision.message());
			case SKIP:
				printOnce(decision.message());
				return ConditionEvaluationResult.disabled(decision.message());
			default:
				printOnce(failedPrefix + decision.message());
				throw new IllegalStateException(decision.message());
		}
	}

	private static void printOnce(String line)
	{
		if (PRINTED.add(line))
			System.err.println(line);
	}
}
