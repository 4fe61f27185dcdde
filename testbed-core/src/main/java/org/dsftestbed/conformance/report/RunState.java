package org.dsftestbed.conformance.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a report shows a run still going, one that finished, or one that was stopped before it finished. */
public enum RunState
{
	RUNNING, FINISHED, INTERRUPTED;

	@JsonValue
	public String code()
	{
		return EnumCodes.code(this);
	}

	@JsonCreator
	public static RunState ofCode(String code)
	{
		return EnumCodes.parse(RunState.class, code, "run state");
	}
}
