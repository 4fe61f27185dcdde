package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PING;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.PONG;
import static org.dsftestbed.bpe.plugin.testplugin.PingTestPlugin.TASK;

import org.dsftestbed.bpe.plugin.testplugin.PingTestPluginVariants.PongWithPingTask;
import org.junit.jupiter.api.Test;

/** Task templates (spec §5.3): a template that breaks a rule is left out, the plugin loads without it. */
class TaskTemplateRulesTest extends PluginTests
{
	private static final String REQUESTER_IDENTIFIER = """
			<requester>
					<type value="Organization" />
					<identifier>
						<system value="http://dsf.dev/sid/organization-identifier" />
						<value value="#{organization}" />""";
	/** The template's one input, message-name. */
	private static final String MESSAGE_NAME_INPUT = element("input");

	/** The template's first element of this name, as written. */
	private static String element(String name)
	{
		return TestPlugin.ping().content(TASK).replaceAll("(?s).*?(<" + name + ">.*?</" + name + ">).*", "$1");
	}

	private TestPlugin template(String target, String replacement)
	{
		return TestPlugin.ping().replace(TASK, target, replacement);
	}

	/** Loads, and the template is left out with exactly this rule's findings. */
	private LoadedPlugin leftOutFor(TestPlugin plugin, Rule rule)
	{
		LoadedPlugin loaded = loaded(load(plugin));
		assertThat(files(loaded, PING)).doesNotContain(TASK);
		assertThat(rules(loaded)).containsOnly(rule);
		return loaded;
	}

	@Test
	void statusMustBeDraft()
	{
		LoadedPlugin plugin = leftOutFor(template("<status value=\"draft\" />", "<status value=\"requested\" />"),
				Rule.TASK_STATUS);

		assertThat(messages(plugin)).containsExactly(
				JAR + ": " + TASK + ": Task.status is 'requested', a template's must be 'draft'");
	}

	@Test
	void aTaskIdentifierIsRequired()
	{
		leftOutFor(template("http://dsf.dev/sid/task-identifier", "http://example.org/sid/other"),
				Rule.TASK_IDENTIFIER);
	}

	@Test
	void theTaskIdentifierMustNotContainABar()
	{
		leftOutFor(template("/task-start-ping\" />", "/task-start-ping|1\" />"), Rule.TASK_IDENTIFIER);
	}

	@Test
	void theRequesterIsTheLocalOrganization()
	{
		LoadedPlugin plugin = leftOutFor(template(REQUESTER_IDENTIFIER,
				REQUESTER_IDENTIFIER.replace("#{organization}", "hrp.dsf.test")), Rule.TASK_REQUESTER);

		assertThat(plugin.findings().get(0).message()).isEqualTo("Task.requester.identifier.value is 'hrp.dsf.test',"
				+ " expected the local organization 'dic.dsf.test' (#{organization})");
	}

	@Test
	void theRequesterIsReferencedAsOrganization()
	{
		leftOutFor(template(REQUESTER_IDENTIFIER, REQUESTER_IDENTIFIER.replace("Organization", "Practitioner")),
				Rule.TASK_REQUESTER);
	}

	@Test
	void theRequesterIsReferencedByOrganizationIdentifier()
	{
		leftOutFor(template(REQUESTER_IDENTIFIER,
				REQUESTER_IDENTIFIER.replace("organization-identifier", "practitioner-identifier")),
				Rule.TASK_REQUESTER);
	}

	@Test
	void theRequesterIsRequired()
	{
		String task = TestPlugin.ping().content(TASK);
		String withoutRequester = task.substring(0, task.indexOf("<requester>"))
				+ task.substring(task.indexOf("</requester>") + "</requester>".length());

		leftOutFor(TestPlugin.ping().put(TASK, withoutRequester), Rule.TASK_REQUESTER);
	}

	@Test
	void thereIsExactlyOneRecipient()
	{
		String recipient = element("recipient");

		leftOutFor(template(recipient, recipient + recipient), Rule.TASK_RECIPIENT);
	}

	@Test
	void theRecipientIsTheLocalOrganization()
	{
		String recipient = element("recipient");

		leftOutFor(template(recipient, recipient.replace("#{organization}", "hrp.dsf.test")), Rule.TASK_RECIPIENT);
	}

	@Test
	void instantiatesCanonicalNamesAProcessWithVersion()
	{
		leftOutFor(template("Process/ping|#{version}\" />", "Process/ping\" />"), Rule.TASK_INSTANTIATES_CANONICAL);
	}

	@Test
	void aTemplateWithoutInstantiatesCanonicalRejectsThePluginAsDsfWouldNotStart()
	{
		RejectedPlugin plugin = rejected(
				load(template("<instantiatesCanonical value=\"http://dsf.dev/bpe/Process/ping|#{version}\" />", "")));

		assertThat(rules(plugin)).containsExactly(Rule.TASK_INSTANTIATES_CANONICAL);
		assertThat(plugin.findings().get(0).abortsDsfStartup()).isTrue();
	}

	@Test
	void thereIsExactlyOneMessageNameInput()
	{
		leftOutFor(template(MESSAGE_NAME_INPUT, MESSAGE_NAME_INPUT + MESSAGE_NAME_INPUT), Rule.TASK_MESSAGE_NAME_INPUT);
	}

	@Test
	void aMessageNameInputIsRequired()
	{
		leftOutFor(template(MESSAGE_NAME_INPUT, ""), Rule.TASK_MESSAGE_NAME_INPUT);
	}

	@Test
	void thereIsNoOutput()
	{
		leftOutFor(template("</Task>", """
				<output><type><text value="result" /></type><valueString value="done" /></output></Task>"""),
				Rule.TASK_OUTPUT);
	}

	@Test
	void theIdentifierStartsWithTheProcessUrlAndVersion()
	{
		TestPlugin withoutVersion = template("Process/ping/#{version}/task-start-ping", "Process/ping/task-start-ping");

		LoadedPlugin plugin = leftOutFor(withoutVersion, Rule.TASK_OF_PROCESS);

		assertThat(plugin.findings().get(0).message()).isEqualTo("Task identifier value"
				+ " 'http://dsf.dev/bpe/Process/ping/task-start-ping' does not start with"
				+ " 'http://dsf.dev/bpe/Process/ping/1.0/'");
	}

	@Test
	void aTemplateInstantiatesTheResourceVersion()
	{
		TestPlugin plugin = TestPlugin.ping().replace(TASK, "Process/ping|#{version}", "Process/ping|1.1")
				.replace(TASK, "Process/ping/#{version}/", "Process/ping/1.1/");

		leftOutFor(plugin, Rule.TASK_OF_PROCESS);
	}

	@Test
	void aTemplateListedForAnotherProcessIsLeftOutOfThatProcessOnly()
	{
		LoadedPlugin plugin = loaded(load(TestPlugin.ping().definition(PongWithPingTask.class)));

		assertThat(rules(plugin)).containsExactly(Rule.TASK_OF_PROCESS);
		assertThat(files(plugin, PING)).contains(TASK);
		assertThat(files(plugin, PONG)).doesNotContain(TASK);
	}

	@Test
	void withTheLocalOrganizationUnknownEveryTemplateIsLeftOut()
	{
		LoadedPlugin plugin = loaded(load(PluginSource.jar(TestPlugin.ping().jar(directory, JAR)),
				new BpeEnvironment(null, java.util.Map.of())));

		assertThat(rules(plugin)).containsExactly(Rule.TASK_REQUESTER, Rule.TASK_RECIPIENT);
		assertThat(files(plugin, PING)).doesNotContain(TASK);
	}
}
