package org.dsftestbed.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that run the real DSF images ({@link org.dsftestbed.runtime.container.dsf.DsfImages}). They run only
 * when the images a network of the set starts (fhir, bpe, postgres; not the proxy) are present locally and are skipped otherwise, with one line naming the missing
 * images; unlike a missing Docker ({@link RequiresDocker}) this skip is expected and stays a skip in CI. Combine it
 * with {@code @RequiresDocker}.
 *
 * <pre>{@code
 * @RequiresDocker
 * @RequiresDsfImages
 * class DsfImagesIT { ... }
 * }</pre>
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiresDsfImagesCondition.class)
public @interface RequiresDsfImages
{
}
