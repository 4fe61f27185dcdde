package org.dsftestbed.conformance.report;

import java.util.Objects;

/**
 * Why a scenario failed.
 *
 * @param step
 *            the failing step's text, or where else it failed (e.g. {@code After hook})
 * @param message
 *            the error's one-line message
 * @param output
 *            the full error output (stack trace, assertion details), or {@code null}
 */
public record Failure(String step, String message, String output)
{
	public Failure
	{
		Objects.requireNonNull(step, "step");
		Objects.requireNonNull(message, "message");
	}
}
