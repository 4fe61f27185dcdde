package org.dsftestbed.conformance.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A scenario's result, in Cucumber's words; {@link #INTERRUPTED} for a scenario still running when the run was
 * stopped. In JSON the lower-case name ({@code "passed"}). The step library maps Cucumber's pending and ambiguous
 * results to {@link #FAILED}, as Cucumber's strict mode counts them.
 */
public enum ScenarioStatus
{
	PASSED, FAILED, SKIPPED, UNDEFINED, INTERRUPTED;

	@JsonValue
	public String code()
	{
		return EnumCodes.code(this);
	}

	@JsonCreator
	public static ScenarioStatus ofCode(String code)
	{
		return EnumCodes.parse(ScenarioStatus.class, code, "scenario status");
	}

	/** Whether the scenario counts against the run: failed, undefined or interrupted. */
	public boolean isProblem()
	{
		return this == FAILED || this == UNDEFINED || this == INTERRUPTED;
	}
}
