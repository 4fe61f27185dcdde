package org.dsftestbed.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class or method that needs Docker (through Testcontainers).
 * <p>
 * Without a usable Docker engine the tests are skipped, and one line says why (once per JVM); in CI
 * ({@code CI=true}, or {@code DSF_TESTBED_REQUIRE_DOCKER=true}) they fail instead, so that a CI run can't pass
 * by testing nothing. See {@link ContainerTestGate} for the rule.
 *
 * <pre>{@code
 * @RequiresDocker(baseImage = true)
 * class SmokeImageIT { ... }
 * }</pre>
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiresDockerCondition.class)
public @interface RequiresDocker
{
	/**
	 * @return whether the tests also need the local JRE base image
	 *         ({@link org.dsftestbed.runtime.container.TestbedImages#baseImage()}, built by
	 *         {@code bash ci/base-image.sh}); a missing one counts like a missing Docker
	 */
	boolean baseImage() default false;
}
