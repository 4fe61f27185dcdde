package org.dsftestbed.connectivity.fhir;

/**
 * The names the connectivity plugin shares between its BPMN, its FHIR resources and its Java: process ids and URLs,
 * message names, CodeSystems and the extension that names a target on the start Task's outputs.
 */
public final class Connectivity
{
	/** Process id of the ping side: {@code http://testbed.dev/bpe/Process/connectivityPing} (spec §5.3). */
	public static final String PING_PROCESS = "testbeddev_connectivityPing";
	/** Process id of the pong side: {@code http://testbed.dev/bpe/Process/connectivityPong}. */
	public static final String PONG_PROCESS = "testbeddev_connectivityPong";
	public static final String PING_PROCESS_URL = "http://testbed.dev/bpe/Process/connectivityPing";

	/** Task input and output types. */
	public static final String CODE_SYSTEM = "http://testbed.dev/fhir/CodeSystem/connectivity";
	/** Start Task input (optional): an Endpoint search narrowing the targets, e.g. {@code Endpoint?identifier=...}. */
	public static final String TARGET_ENDPOINTS = "target-endpoints";
	/** Ping Task input: logical reference to the sender's Endpoint, where the pong goes. */
	public static final String SENDER_ENDPOINT = "sender-endpoint";
	/** Start Task output, one per target: a {@link TargetStatus} coding. */
	public static final String PING_STATUS = "ping-status";
	/** Start Task output, one per failed target: a {@link ErrorCodes} coding. */
	public static final String ERROR = "error";

	public static final String STATUS_CODE_SYSTEM = "http://testbed.dev/fhir/CodeSystem/connectivity-status";
	public static final String ERROR_CODE_SYSTEM = "http://testbed.dev/fhir/CodeSystem/connectivity-error";

	/**
	 * On every status and error output: sub-extensions {@code organization-identifier}, {@code endpoint-identifier}
	 * (Identifiers) and, on error outputs, {@code error-message} (string).
	 */
	public static final String TARGET_EXTENSION = "http://testbed.dev/fhir/StructureDefinition/extension-connectivity-target";
	public static final String TARGET_ORGANIZATION = "organization-identifier";
	public static final String TARGET_ENDPOINT = "endpoint-identifier";
	public static final String TARGET_ERROR_MESSAGE = "error-message";

	/** Local execution variables of one target's sub-process instance. */
	public static final String VARIABLE_PING_SENT = "pingSent";
	public static final String VARIABLE_PING_TASK_ID = "pingTaskId";

	private Connectivity()
	{
	}
}
