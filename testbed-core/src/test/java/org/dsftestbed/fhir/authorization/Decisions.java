package org.dsftestbed.fhir.authorization;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on {@link Decision}s that show the reason when they fail. */
public final class Decisions
{
	private Decisions()
	{
	}

	public static void assertAllowed(Decision decision)
	{
		assertThat(decision).as("decision").isInstanceOf(Decision.Allowed.class);
	}

	/** Refused by {@code rule}, with a reason containing {@code reasonPart}. */
	public static void assertRefused(Decision decision, String rule, String reasonPart)
	{
		assertThat(decision).as("decision").isInstanceOf(Decision.Refused.class);
		Decision.Refused refused = (Decision.Refused) decision;
		assertThat(refused.rule()).isEqualTo(rule);
		assertThat(refused.reason()).contains(reasonPart);
	}
}
