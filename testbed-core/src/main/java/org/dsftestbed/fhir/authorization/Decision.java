package org.dsftestbed.fhir.authorization;

import java.util.Objects;

/**
 * The outcome of an authorization rule: allowed with the reason, or refused naming the rule and why. A refusal
 * becomes a 403 with an OperationOutcome carrying {@link Refused#message()}.
 */
public sealed interface Decision permits Decision.Allowed, Decision.Refused
{
	record Allowed(String reason) implements Decision
	{
	}

	/**
	 * @param rule
	 *            the rule that refused, e.g. {@code TaskAuthorizationRule} (as DSF names its rules)
	 * @param reason
	 *            what is wrong, e.g. "requester does not match the caller's organization"
	 */
	record Refused(String rule, String reason) implements Decision
	{
		public Refused
		{
			Objects.requireNonNull(rule, "rule");
			Objects.requireNonNull(reason, "reason");
		}

		public String message()
		{
			return rule + ": " + reason;
		}
	}

	static Decision allowed(String reason)
	{
		return new Allowed(reason);
	}

	static Decision refused(String rule, String reason)
	{
		return new Refused(rule, reason);
	}

	default boolean isAllowed()
	{
		return this instanceof Allowed;
	}
}
