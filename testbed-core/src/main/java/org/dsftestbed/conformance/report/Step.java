package org.dsftestbed.conformance.report;

import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One step of a scenario and its result.
 *
 * @param text
 *            keyword and text, e.g. {@code When dic.dsf.test starts process ping}
 * @param status
 *            the step's result
 * @param duration
 *            how long it ran; JSON field {@code durationMillis}
 * @param error
 *            the error message of a failed step, or {@code null}
 */
public record Step(String text, ScenarioStatus status, @JsonProperty("durationMillis") Duration duration,
		String error)
{
	public Step
	{
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(status, "status");
	}
}
