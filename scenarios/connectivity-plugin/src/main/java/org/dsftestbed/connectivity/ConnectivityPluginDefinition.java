package org.dsftestbed.connectivity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dsftestbed.connectivity.fhir.Connectivity;

import dev.dsf.bpe.v1.ProcessPluginDefinition;

/**
 * The testbed's reference connectivity plugin (DSF process API v1): {@code testbeddev_connectivityPing} pings every
 * other organization of the allow list and reports, per target, whether its pong came back and what failed if not;
 * {@code testbeddev_connectivityPong} answers a ping. See the module's README for inputs, outputs and codes.
 */
public class ConnectivityPluginDefinition implements ProcessPluginDefinition
{
	private static final String FHIR = "fhir/";

	@Override
	public String getName()
	{
		return "dsf-testbed-connectivity";
	}

	@Override
	public String getVersion()
	{
		return "1.0.0.0";
	}

	@Override
	public LocalDate getReleaseDate()
	{
		return LocalDate.of(2026, 5, 1);
	}

	@Override
	public List<String> getProcessModels()
	{
		return List.of("bpe/connectivity-ping.bpmn", "bpe/connectivity-pong.bpmn");
	}

	@Override
	public Map<String, List<String>> getFhirResourcesByProcessId()
	{
		return Map.of(Connectivity.PING_PROCESS,
				List.of(FHIR + "ActivityDefinition-connectivity-ping.xml", FHIR + "CodeSystem-connectivity.xml",
						FHIR + "CodeSystem-connectivity-status.xml", FHIR + "CodeSystem-connectivity-error.xml",
						FHIR + "StructureDefinition-extension-connectivity-target.xml",
						FHIR + "StructureDefinition-task-start-connectivity-ping.xml",
						FHIR + "StructureDefinition-task-connectivity-pong.xml",
						FHIR + "Task-start-connectivity-ping.xml"),
				Connectivity.PONG_PROCESS, List.of(FHIR + "ActivityDefinition-connectivity-pong.xml",
						FHIR + "CodeSystem-connectivity.xml", FHIR + "StructureDefinition-task-connectivity-ping.xml"));
	}

	@Override
	public List<Class<?>> getSpringConfigurations()
	{
		return List.of(ConnectivityConfig.class);
	}
}
