package org.dsftestbed.connectivity.fhir;

/** What the ping process found out about one target: the codes of CodeSystem {@link Connectivity#STATUS_CODE_SYSTEM}. */
public enum TargetStatus
{
	/** The ping was accepted and the target's pong arrived. */
	PONG_RECEIVED("pong-received"),
	/** The ping could not be delivered: no connection, TLS failure, a server error. */
	NOT_REACHABLE("not-reachable"),
	/** The target's FHIR server refused the ping: 401 (the sender is not on its allow list) or 403. */
	NOT_ALLOWED("not-allowed"),
	/** The ping was accepted, but no pong arrived before the timer ran out. */
	PONG_MISSING("pong-missing");

	private final String code;

	TargetStatus(String code)
	{
		this.code = code;
	}

	public String code()
	{
		return code;
	}
}
