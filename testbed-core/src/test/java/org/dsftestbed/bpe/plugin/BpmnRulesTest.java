package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING_BPMN;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PONG;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PONG_BPMN;

import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.MissingProcessModel;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.PingModelTwice;
import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.PongModelNotBpmn;
import org.junit.jupiter.api.Test;

/**
 * Process models (spec §5.3). A model that breaks a rule is left out, and with it its process; the plugin loads with
 * the others. Where no model has the id {@code dsfdev_ping} any more, the resources listed for it are reported too.
 */
class BpmnRulesTest extends PluginTests
{
	/**
	 * The model without the first {@code camunda:field} of this name after {@code after}.
	 */
	private static String withoutField(String model, String name, String after)
	{
		int start = model.indexOf(after);
		assertThat(start).as(after).isNotNegative();
		String field = "<camunda:field name=\"" + name
				+ "\">\\s*<camunda:string>[^<]*</camunda:string>\\s*</camunda:field>";
		String rest = model.substring(start).replaceFirst(field, "");
		assertThat(rest).as("field " + name + " after " + after).hasSizeLessThan(model.length() - start);
		return model.substring(0, start) + rest;
	}

	@Test
	void aProcessModelPathMustEndInBpmn()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping().definition(PongModelNotBpmn.class)));

		assertThat(rules(plugin)).containsExactly(Rule.BPMN_FILE_NAME, Rule.FHIR_RESOURCES_FOR_PROCESS);
		assertThat(plugin.processIds()).extracting(ProcessIdAndVersion::id).containsExactly(PING);
	}

	@Test
	void aMissingProcessModelIsLeftOut()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping().definition(MissingProcessModel.class)));

		assertThat(rules(plugin)).containsExactly(Rule.BPMN_FILE_READABLE);
		assertThat(plugin.processIds()).hasSize(2);
	}

	@Test
	void aProcessModelThatDoesNotParseRejectsThePlugin()
	{
		RejectedPlugin plugin = rejected(load(TestPlugin.ping().replace(PONG_BPMN, "</bpmn:definitions>", "")));

		assertThat(rules(plugin)).containsExactly(Rule.BPMN_PARSEABLE);
		assertThat(plugin.findings().get(0).abortsDsfStartup()).isTrue();
		assertThat(messages(plugin).get(0)).startsWith(JAR + ": " + PONG_BPMN + ": not a valid BPMN file");
	}

	@Test
	void aProcessModelAgainstTheBpmnSchemaRejectsThePlugin()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PONG_BPMN, "<bpmn:userTask id=\"ConfirmPong\"",
				"<bpmn:userTask id=\"ConfirmPong\" unknownAttribute=\"x\"");

		assertThat(rules(rejected(load(plugin)))).containsExactly(Rule.BPMN_PARSEABLE);
	}

	@Test
	void aProcessModelMustHoldExactlyOneProcess()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PONG_BPMN, "<bpmn:message id=\"PingMessage\"",
				"<bpmn:process id=\"dsfdev_pang\" isExecutable=\"false\" /><bpmn:message id=\"PingMessage\"");

		LoadedPlugin loaded = loaded(load(plugin));

		assertThat(rules(loaded)).containsExactly(Rule.BPMN_SINGLE_PROCESS);
		assertThat(messages(loaded).get(0)).isEqualTo(JAR + ": " + PONG_BPMN + ": contains 2 processes, expected 1");
	}

	@Test
	void theVersionTagMustEqualTheResourceVersion()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PING_BPMN, "camunda:versionTag=\"#{version}\"",
				"camunda:versionTag=\"1.1\"");

		LoadedPlugin loaded = loaded(load(plugin));

		assertThat(rules(loaded)).containsExactly(Rule.BPMN_VERSION_TAG);
		assertThat(messages(loaded).get(0))
				.isEqualTo("ping-1.0.0.0.jar: bpe/ping.bpmn: versionTag '1.1' does not equal resource version '1.0'");
		assertThat(loaded.processIds()).extracting(ProcessIdAndVersion::id).containsExactly(PONG);
	}

	@Test
	void theVersionTagIsRequired()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PING_BPMN, "camunda:versionTag=\"#{version}\"", "");

		assertThat(rules(load(plugin))).containsExactly(Rule.BPMN_VERSION_TAG);
	}

	@Test
	void theProcessIdMustBeDomainUnderscoreName()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PING_BPMN, "id=\"dsfdev_ping\"", "id=\"ping\"");

		LoadedPlugin loaded = loaded(load(plugin));

		assertThat(rules(loaded)).containsExactly(Rule.BPMN_PROCESS_ID, Rule.FHIR_RESOURCES_FOR_PROCESS);
		assertThat(loaded.findings().get(0).message())
				.isEqualTo("process id 'ping' does not match ^[a-zA-Z0-9-]+_[a-zA-Z0-9-]+$");
	}

	@Test
	void twoModelsWithTheSameProcessIdRejectThePlugin()
	{
		RejectedPlugin plugin = rejected(load(TestPlugin.ping().definition(PingModelTwice.class)));

		assertThat(rules(plugin)).containsExactly(Rule.BPMN_UNIQUE_PROCESS_ID);
	}

	@Test
	void withoutAValidModelThePluginIsRejected()
	{
		TestPlugin plugin = TestPlugin.ping()
				.replace(PING_BPMN, "camunda:versionTag=\"#{version}\"", "camunda:versionTag=\"1.1\"")
				.replace(PONG_BPMN, "camunda:versionTag=\"#{version}\"", "camunda:versionTag=\"1.1\"");

		assertThat(rules(rejected(load(plugin)))).containsExactly(Rule.BPMN_VERSION_TAG, Rule.BPMN_VERSION_TAG,
				Rule.VALID_PROCESS);
	}

	@Test
	void aMessageThrowEventNeedsItsFields()
	{
		String ping = TestPlugin.ping().content(PING_BPMN);
		TestPlugin plugin = TestPlugin.ping().put(PING_BPMN,
				withoutField(ping, "messageName", "<bpmn:intermediateThrowEvent"));

		LoadedPlugin loaded = loaded(load(plugin));

		assertThat(rules(loaded)).containsExactly(Rule.BPMN_MESSAGE_FIELDS);
		assertThat(loaded.findings().get(0).message()).isEqualTo(
				"process dsfdev_ping|1.0: message intermediate throw event SendPing lacks non-blank camunda:field"
						+ " messageName");
	}

	@Test
	void aSendTaskInASubProcessNeedsItsFields()
	{
		String ping = TestPlugin.ping().content(PING_BPMN);
		TestPlugin plugin = TestPlugin.ping().put(PING_BPMN, withoutField(ping, "messageName", "<bpmn:sendTask"));

		LoadedPlugin loaded = loaded(load(plugin));

		assertThat(rules(loaded)).containsExactly(Rule.BPMN_MESSAGE_FIELDS);
		assertThat(loaded.findings().get(0).message()).contains("send task SendReminder lacks");
	}

	@Test
	void aMessageEndEventNeedsNonBlankFields()
	{
		TestPlugin plugin = TestPlugin.ping().replace(PONG_BPMN,
				"<camunda:string>http://dsf.dev/fhir/StructureDefinition/task-pong|#{version}</camunda:string>",
				"<camunda:string> </camunda:string>");

		LoadedPlugin loaded = loaded(load(plugin));

		assertThat(rules(loaded)).containsExactly(Rule.BPMN_MESSAGE_FIELDS);
		assertThat(loaded.findings().get(0).message()).contains("message end event SendPong lacks")
				.endsWith("profile");
	}

	@Test
	void aFieldGivenAsStringValueAttributeCountsAsBlankAsInDsf()
	{
		String pong = withoutField(TestPlugin.ping().content(PONG_BPMN), "messageName", "<bpmn:endEvent");
		TestPlugin plugin = TestPlugin.ping().put(PONG_BPMN, pong.replace("<camunda:field name=\"profile\">",
				"<camunda:field name=\"messageName\" stringValue=\"pong\" /><camunda:field name=\"profile\">"));

		assertThat(rules(load(plugin))).containsExactly(Rule.BPMN_MESSAGE_FIELDS);
	}
}
