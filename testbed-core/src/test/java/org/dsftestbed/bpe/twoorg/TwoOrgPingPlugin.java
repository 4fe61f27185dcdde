package org.dsftestbed.bpe.twoorg;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.dsf.bpe.v1.ProcessPluginDefinition;

/**
 * A ping-pong plugin for two organizations, its files under {@code test-plugin/twoorg/} in the test resources (loaded
 * as an exploded plugin; its classes come from the test class path, which the plugin's class loader asks first).
 * {@code dsfdev_ping}: start Task {@code startPing} → select the target organization (environment
 * {@code dev.dsf.testbed.ping.target}) with a new correlation key → send Task {@code ping} → wait for {@code pong} →
 * output {@code pong-received} on the start Task. {@code dsfdev_pong}: Task {@code ping} → reply Task {@code pong} to
 * the requester with the ping's business and correlation key.
 */
public class TwoOrgPingPlugin implements ProcessPluginDefinition
{
	public static final String PING = "dsfdev_ping";
	public static final String PONG = "dsfdev_pong";
	public static final String CODE_SYSTEM = "http://dsf.dev/fhir/CodeSystem/testbed-ping";
	public static final String PONG_RECEIVED = "pong-received";

	private static final String FHIR = "twoorg/fhir/";

	@Override
	public String getName()
	{
		return "dsf-testbed-two-org-ping";
	}

	@Override
	public String getVersion()
	{
		return "1.0.0.0";
	}

	@Override
	public LocalDate getReleaseDate()
	{
		return LocalDate.of(2026, 1, 1);
	}

	@Override
	public List<String> getProcessModels()
	{
		return List.of("twoorg/bpe/ping.bpmn", "twoorg/bpe/pong.bpmn");
	}

	@Override
	public Map<String, List<String>> getFhirResourcesByProcessId()
	{
		return Map.of(PING,
				List.of(FHIR + "ActivityDefinition-ping.xml", FHIR + "CodeSystem-testbed-ping.xml",
						FHIR + "StructureDefinition-task-start-ping.xml", FHIR + "StructureDefinition-task-pong.xml"),
				PONG, List.of(FHIR + "ActivityDefinition-pong.xml", FHIR + "StructureDefinition-task-ping.xml"));
	}

	@Override
	public List<Class<?>> getSpringConfigurations()
	{
		return List.of(TwoOrgPingConfig.class);
	}
}
