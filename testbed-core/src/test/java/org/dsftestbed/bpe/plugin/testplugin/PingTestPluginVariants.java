package org.dsftestbed.bpe.plugin.testplugin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@link PingTestPlugin} with one thing changed each: definitions the loader tests name in a plugin's service file.
 * (File contents are changed by the tests themselves.)
 */
public final class PingTestPluginVariants
{
	private PingTestPluginVariants()
	{
	}

	private static List<String> plus(List<String> list, String... more)
	{
		List<String> all = new ArrayList<>(list);
		all.addAll(List.of(more));
		return all;
	}

	// the definition's values

	public static class NullName extends PingTestPlugin
	{
		@Override
		public String getName()
		{
			return null;
		}
	}

	public static class BlankName extends PingTestPlugin
	{
		@Override
		public String getName()
		{
			return " ";
		}
	}

	public static class ThreeNumberVersion extends PingTestPlugin
	{
		@Override
		public String getVersion()
		{
			return "1.0.0";
		}

		@Override
		public String getResourceVersion()
		{
			return "1.0";
		}
	}

	public static class OneNumberResourceVersion extends PingTestPlugin
	{
		@Override
		public String getResourceVersion()
		{
			return "1";
		}
	}

	public static class NullReleaseDate extends PingTestPlugin
	{
		@Override
		public LocalDate getReleaseDate()
		{
			return null;
		}

		@Override
		public LocalDate getResourceReleaseDate()
		{
			return LocalDate.of(2025, 10, 21);
		}
	}

	public static class NullResourceReleaseDate extends PingTestPlugin
	{
		@Override
		public LocalDate getResourceReleaseDate()
		{
			return null;
		}
	}

	/** Resource version and date set apart from version and release date. */
	public static class OwnResourceVersionAndDate extends PingTestPlugin
	{
		@Override
		public String getVersion()
		{
			return "1.0.3.2";
		}

		@Override
		public String getResourceVersion()
		{
			return "1.0";
		}

		@Override
		public LocalDate getResourceReleaseDate()
		{
			return LocalDate.of(2024, 2, 29);
		}
	}

	public static class NoNameNoReleaseDate extends PingTestPlugin
	{
		@Override
		public String getName()
		{
			return null;
		}

		@Override
		public LocalDate getReleaseDate()
		{
			return null;
		}
	}

	public static class NoSpringConfigurations extends PingTestPlugin
	{
		@Override
		public List<Class<?>> getSpringConfigurations()
		{
			return List.of();
		}
	}

	public static class UnannotatedSpringConfiguration extends PingTestPlugin
	{
		@Override
		public List<Class<?>> getSpringConfigurations()
		{
			return List.of(PingTestConfig.class, SelectTargets.class);
		}
	}

	public static class NoFhirResources extends PingTestPlugin
	{
		@Override
		public Map<String, List<String>> getFhirResourcesByProcessId()
		{
			return Map.of();
		}
	}

	public static class NoProcessModels extends PingTestPlugin
	{
		@Override
		public List<String> getProcessModels()
		{
			return List.of();
		}
	}

	public static class NullProcessModel extends PingTestPlugin
	{
		@Override
		public List<String> getProcessModels()
		{
			return Arrays.asList(PING_BPMN, null);
		}
	}

	public static class ThrowingGetName extends PingTestPlugin
	{
		@Override
		public String getName()
		{
			throw new IllegalStateException("no name today");
		}
	}

	public static class ThrowingConstructor extends PingTestPlugin
	{
		public ThrowingConstructor()
		{
			throw new IllegalStateException("cannot construct");
		}
	}

	// file lists

	public static class PongModelNotBpmn extends PingTestPlugin
	{
		@Override
		public List<String> getProcessModels()
		{
			return List.of(PING_BPMN, "bpe/pong.xml");
		}
	}

	public static class MissingProcessModel extends PingTestPlugin
	{
		@Override
		public List<String> getProcessModels()
		{
			return plus(super.getProcessModels(), "bpe/missing.bpmn");
		}
	}

	public static class PingModelTwice extends PingTestPlugin
	{
		@Override
		public List<String> getProcessModels()
		{
			return plus(super.getProcessModels(), PING_BPMN);
		}
	}

	public static class FhirFileNotXmlOrJson extends PingTestPlugin
	{
		@Override
		public Map<String, List<String>> getFhirResourcesByProcessId()
		{
			return Map.of(PING, plus(PING_RESOURCES, "fhir/CodeSystem/dsf-ping.txt"), PONG, PONG_RESOURCES);
		}
	}

	public static class MissingFhirFile extends PingTestPlugin
	{
		@Override
		public Map<String, List<String>> getFhirResourcesByProcessId()
		{
			return Map.of(PING, plus(PING_RESOURCES, "fhir/CodeSystem/missing.xml"), PONG, PONG_RESOURCES);
		}
	}

	public static class FhirResourcesForUnknownProcess extends PingTestPlugin
	{
		@Override
		public Map<String, List<String>> getFhirResourcesByProcessId()
		{
			return Map.of(PING, PING_RESOURCES, PONG, PONG_RESOURCES, "dsfdev_pang", PONG_RESOURCES);
		}
	}

	public static class PongWithoutFhirResources extends PingTestPlugin
	{
		@Override
		public Map<String, List<String>> getFhirResourcesByProcessId()
		{
			return Map.of(PING, PING_RESOURCES);
		}
	}

	public static class PongWithoutActivityDefinition extends PingTestPlugin
	{
		@Override
		public Map<String, List<String>> getFhirResourcesByProcessId()
		{
			return Map.of(PING, PING_RESOURCES, PONG, List.of(CODE_SYSTEM, VALUE_SET, QUESTIONNAIRE));
		}
	}

	public static class PongWithTwoActivityDefinitions extends PingTestPlugin
	{
		@Override
		public Map<String, List<String>> getFhirResourcesByProcessId()
		{
			return Map.of(PING, PING_RESOURCES, PONG, plus(PONG_RESOURCES, PING_ACTIVITY_DEFINITION));
		}
	}

	public static class PongWithPingActivityDefinition extends PingTestPlugin
	{
		@Override
		public Map<String, List<String>> getFhirResourcesByProcessId()
		{
			return Map.of(PING, PING_RESOURCES, PONG, List.of(PING_ACTIVITY_DEFINITION, CODE_SYSTEM, VALUE_SET));
		}
	}

	public static class PongWithPingTask extends PingTestPlugin
	{
		@Override
		public Map<String, List<String>> getFhirResourcesByProcessId()
		{
			return Map.of(PING, PING_RESOURCES, PONG, plus(PONG_RESOURCES, TASK));
		}
	}

	/** Only the ping process (its own resources), e.g. next to the complete plugin. */
	public static class PingOnly extends PingTestPlugin
	{
		@Override
		public List<String> getProcessModels()
		{
			return List.of(PING_BPMN);
		}

		@Override
		public Map<String, List<String>> getFhirResourcesByProcessId()
		{
			return Map.of(PING, PING_RESOURCES);
		}
	}
}
