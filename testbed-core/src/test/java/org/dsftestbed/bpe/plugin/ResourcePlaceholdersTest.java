package org.dsftestbed.bpe.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.dsftestbed.bpe.plugin.ResourcePlaceholders.UnresolvablePlaceholderException;
import org.junit.jupiter.api.Test;

class ResourcePlaceholdersTest
{
	private static ResourcePlaceholders placeholders(String organization, Map<String, String> environment)
	{
		return new ResourcePlaceholders("1.0", LocalDate.of(2025, 10, 21), organization,
				new BpeEnvironment(organization, environment).springEnvironment());
	}

	private static ResourcePlaceholders placeholders(Map<String, String> environment)
	{
		return placeholders("dic.dsf.test", environment);
	}

	@Test
	void versionDateAndOrganizationInBothKindsOfFile() throws Exception
	{
		String text = "#{version} #{date} #{organization}";

		assertThat(placeholders(Map.of()).inBpmn(text)).isEqualTo("1.0 2025-10-21 dic.dsf.test");
		assertThat(placeholders(Map.of()).inFhir(text)).isEqualTo("1.0 2025-10-21 dic.dsf.test");
	}

	@Test
	void anUnknownOrganizationIsTheTextNull() throws Exception
	{
		assertThat(placeholders(null, Map.of()).inFhir("#{organization}")).isEqualTo("null");
	}

	@Test
	void propertiesAreFoundByPropertyOrEnvironmentVariableName() throws Exception
	{
		assertThat(placeholders(Map.of("dev.dsf.bpe.example", "a")).inFhir("#{dev.dsf.bpe.example}")).isEqualTo("a");
		assertThat(placeholders(Map.of("DEV_DSF_BPE_EXAMPLE", "b")).inFhir("#{dev.dsf.bpe.example}")).isEqualTo("b");
		assertThat(placeholders(Map.of("DEV_DSF_BPE_EXAMPLE_VALUE", "c")).inBpmn("#{dev.dsf.bpe.example-value}"))
				.isEqualTo("c");
	}

	@Test
	void defaultsApplyWhenThePropertyIsNotSet() throws Exception
	{
		assertThat(placeholders(Map.of()).inBpmn("#{dev.dsf.bpe.timeout:PT20S}")).isEqualTo("PT20S");
		assertThat(placeholders(Map.of("B", "nested")).inFhir("#{a:#{b}}")).isEqualTo("nested");
		assertThat(placeholders(Map.of("A", "set")).inFhir("#{a:default}")).isEqualTo("set");
	}

	@Test
	void camundaExpressionsInBpmnStayAsTheyAre() throws Exception
	{
		String expression = "${targets.entries} ${execution.getVariable('x')}";

		assertThat(placeholders(Map.of("targets.entries", "replaced")).inBpmn(expression)).isEqualTo(expression);
	}

	@Test
	void inFhirFilesDollarPlaceholdersAreResolvedTooAsInDsf() throws Exception
	{
		assertThat(placeholders(Map.of("DEV_DSF_EXAMPLE", "value")).inFhir("${dev.dsf.example}")).isEqualTo("value");
	}

	@Test
	void anUnresolvableDollarPlaceholderInAFhirFileFails()
	{
		assertThatThrownBy(() -> placeholders(Map.of()).inFhir("<valueString value=\"${x}\" />"))
				.isInstanceOf(UnresolvablePlaceholderException.class).hasMessageStartingWith("placeholder ${x} ");
	}

	@Test
	void anUnresolvablePlaceholderNamesItselfAndBothSpellings()
	{
		assertThatThrownBy(() -> placeholders(Map.of()).inBpmn("<a>#{dev.dsf.bpe.missing}</a>"))
				.isInstanceOf(UnresolvablePlaceholderException.class)
				.hasMessage("placeholder #{dev.dsf.bpe.missing} cannot be resolved: the organization's environment has"
						+ " neither dev.dsf.bpe.missing nor DEV_DSF_BPE_MISSING; set one of them, or give a default:"
						+ " #{dev.dsf.bpe.missing:default}");
	}

	@Test
	void aBackslashEscapesAPlaceholderAsSpring62Does() throws Exception
	{
		// DSF turns #{ into ${ and lets Spring resolve; Spring 6.2 treats \${ as an escaped, literal ${
		assertThat(placeholders(Map.of()).inFhir("\\#{not.a.placeholder}")).isEqualTo("${not.a.placeholder}");
	}
}
