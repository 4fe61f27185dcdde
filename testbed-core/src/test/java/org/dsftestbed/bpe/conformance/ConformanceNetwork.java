package org.dsftestbed.bpe.conformance;

/**
 * The network the conformance plugin expects (test resource {@code conformance/network.yaml}), named as in DSF's own
 * v1 plugin integration test: the local organization (roles DIC, COS) and an external one (TTP, DTS), both members
 * of a parent organization. The plugin's checks and the JUnit test share these names.
 */
public final class ConformanceNetwork
{
	public static final String PARENT = "Parent_Organization";
	public static final String LOCAL = "Test_Organization";
	public static final String LOCAL_ENDPOINT = "Test_Endpoint";
	public static final String EXTERNAL = "External_Test_Organization";
	public static final String EXTERNAL_ENDPOINT = "External_Test_Endpoint";

	public static final String ROLE_SYSTEM = "http://dsf.dev/fhir/CodeSystem/organization-role";

	/** CodeSystem of the Task input selecting the activity and of the check outputs. */
	public static final String TEST_CODE_SYSTEM = "http://dsf.dev/fhir/CodeSystem/test";
	public static final String TEST_ACTIVITY = "test-activity";
	public static final String SUCCEEDED = "test-method-succeeded";
	public static final String FAILED = "test-method-failed";

	/** The name the JUnit test gives the exploded plugin, as DSF names a plugin by its jar file. */
	public static final String PLUGIN_JAR = "dsf-testbed-conformance-1.0.0.0.jar";

	public static final String PROCESS_URL = "http://dsf.dev/bpe/Process/test";
	public static final String TASK_PROFILE = "http://dsf.dev/fhir/StructureDefinition/task-test";
	public static final String START_MESSAGE = "start";

	/** BPE environment the checks expect, besides the proxy settings. */
	public static final String MANDATORY_VALUE = "test-value";
	/** Property the JUnit test sets to the external organization's Endpoint address. */
	public static final String EXTERNAL_ADDRESS_PROPERTY = "dev.dsf.bpe.test.external.address";

	public static final String PROXY_URL = "http://proxy:8080";
	public static final String PROXY_USERNAME = "proxy_username";
	public static final String PROXY_PASSWORD = "proxy_password";
	public static final String PROXY_NO_PROXY = "localhost, noproxy:443";

	private ConformanceNetwork()
	{
	}
}
