package org.dsftestbed.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class or method that renders pages in headless Chromium ({@link Chromium}).
 * <p>
 * Without Chromium the tests are skipped with one line saying why; in CI ({@code CI=true}, or
 * {@value Chromium#REQUIRE_CHROMIUM_ENV}{@code =true}) they fail instead, as {@link RequiresDocker} tests do.
 *
 * <pre>{@code
 * @RequiresChromium
 * class ReportHtmlBrowserTest { ... }
 * }</pre>
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiresChromiumCondition.class)
public @interface RequiresChromium
{
}
