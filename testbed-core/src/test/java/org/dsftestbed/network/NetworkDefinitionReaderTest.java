package org.dsftestbed.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkDefinitionReaderTest
{
	private static final String VALID = """
			name: example
			parents:
			  - identifier: example.org
			organizations:
			  - identifier: Org_A
			    name: Organization A
			    hostnames: [a.example.org, a]
			    endpoint: a-endpoint
			    roles:
			      example.org: [DIC, COS]
			    plugins: [ping, /tmp/plugin.jar]
			    environment:
			      DEV_DSF_BPE_EXAMPLE: "42"
			  - identifier: b.example.org
			    fhirBaseUrl: https://b.example.org:8443/fhir
			""";

	@TempDir
	Path dir;

	@Test
	void readsEveryFieldAndAppliesDefaults()
	{
		NetworkDefinition network = read(VALID);

		assertThat(network.name()).isEqualTo("example");
		assertThat(network.parents()).containsExactly(new ParentOrganization("example.org", null));
		OrganizationDefinition a = network.organization("Org_A");
		assertThat(a.name()).isEqualTo("Organization A");
		assertThat(a.hostnames()).containsExactly("a.example.org", "a");
		assertThat(a.endpointIdentifier()).isEqualTo("a-endpoint");
		assertThat(a.roles()).containsExactly(Map.entry("example.org", List.of("DIC", "COS")));
		assertThat(a.plugins()).containsExactly("ping", "/tmp/plugin.jar");
		assertThat(a.environment()).containsExactly(Map.entry("DEV_DSF_BPE_EXAMPLE", "42"));
		assertThat(a.defaultFhirBaseUrl()).isEqualTo("https://a.example.org/fhir");

		OrganizationDefinition b = network.organization("b.example.org");
		assertThat(b.hostnames()).containsExactly("b.example.org");
		assertThat(b.endpointIdentifier()).isEqualTo("b.example.org");
		assertThat(b.roles()).isEmpty();
		assertThat(b.defaultFhirBaseUrl()).isEqualTo("https://b.example.org:8443/fhir");
	}

	@Test
	void fileNameIsTheDefaultNetworkName() throws Exception
	{
		Path file = Files.writeString(dir.resolve("my-net.yaml"), VALID.replace("name: example\n", ""));
		assertThat(NetworkDefinitionReader.read(file).name()).isEqualTo("my-net");
	}

	@Test
	void unknownOrganizationIsReportedWithTheKnownOnes()
	{
		assertThatThrownBy(() -> read(VALID).organization("dic1"))
				.hasMessage("unknown organization 'dic1'; known: Org_A, b.example.org");
	}

	@Test
	void countRepeatsAnOrganizationWithParameters()
	{
		NetworkDefinition network = NetworkDefinitionReader.read("""
				parameters:
				  sites: 2
				organizations:
				  - identifier: site${n}.test
				    count: ${sites}
				    name: Site ${n}
				""", "test.yaml", "t", Map.of("sites", "4"));

		assertThat(network.organizations()).extracting(OrganizationDefinition::identifier)
				.containsExactly("site1.test", "site2.test", "site3.test", "site4.test");
		assertThat(network.organization("site3.test").name()).isEqualTo("Site 3");
	}

	@Test
	void unknownTopLevelFieldNamesLineAndKnownFields()
	{
		assertProblem("""
				name: x
				organisations: []
				""", 2, "organisations", "unknown field; known: name, organizations, parameters, parents");
	}

	@Test
	void unknownRoleNamesLineFieldAndTheDsfCodes()
	{
		assertProblem(VALID.replace("[DIC, COS]", "[DIC, DICC]"), 10, "organizations[0].roles.example.org[1]",
				"unknown role 'DICC'; known: UAC, COS, CRR, DIC, DMS, DTS, HRP, TTP, AMS");
	}

	@Test
	void roleOfAnUndeclaredParentIsRefused()
	{
		assertProblem(VALID.replace("      example.org: [DIC, COS]", "      other.org: [DIC]"), 10,
				"organizations[0].roles.other.org", "unknown parent organization 'other.org'; known: example.org");
	}

	@Test
	void duplicateIdentifierIsRefused()
	{
		assertProblem(VALID.replace("identifier: b.example.org", "identifier: Org_A\n    hostnames: [b]"), 14,
				"organizations[1].identifier", "duplicate organization identifier 'Org_A'");
	}

	@Test
	void hostnameSharedByTwoOrganizationsIsRefused()
	{
		assertProblem(VALID.replace("identifier: b.example.org", "identifier: B\n    hostnames: [a]"), 15,
				"organizations[1].hostnames", "hostname 'a' is used by another organization");
	}

	@Test
	void invalidHostnameIsRefused()
	{
		assertProblem(VALID.replace("[a.example.org, a]", "[a.example.org, A_B]"), 7, "organizations[0].hostnames[1]",
				"'A_B' is not a valid hostname (lowercase letters, digits, '-' and '.')");
	}

	@Test
	void identifierThatIsNoHostnameNeedsHostnames()
	{
		assertProblem("""
				organizations:
				  - identifier: Test_DIC_1
				""", 2, "organizations[0].hostnames",
				"missing; required because the identifier 'Test_DIC_1' is not a valid hostname");
	}

	@Test
	void endpointAddressWithAFiveDigitPortIsRefused()
	{
		assertProblem(VALID.replace("b.example.org:8443", "b.example.org:18443"), 15, "organizations[1].fhirBaseUrl",
				"'https://b.example.org:18443/fhir' is not a DSF endpoint address: it must be https://host[:port]/path with a port of at most 4 digits");
	}

	@Test
	void plainHttpEndpointAddressIsRefused()
	{
		assertProblem(VALID.replace("https://b.example.org:8443", "http://b.example.org"), 15,
				"organizations[1].fhirBaseUrl", "'http://b.example.org/fhir' is not a DSF endpoint address: it must be https://host[:port]/path with a port of at most 4 digits");
	}

	@Test
	void missingIdentifierIsRefused()
	{
		assertProblem("""
				organizations:
				  - name: nameless
				""", 2, "organizations[0].identifier", "missing");
	}

	@Test
	void wrongShapeIsRefused()
	{
		assertProblem("""
				organizations:
				  identifier: x
				""", 2, "organizations", "expected a list, found a mapping");
	}

	@Test
	void emptyOrganizationsAreRefused()
	{
		assertProblem("organizations: []\n", 1, "organizations",
				"empty; a network needs at least one organization");
	}

	@Test
	void syntaxErrorNamesTheLine()
	{
		assertThatThrownBy(() -> read("""
				organizations:
				  - identifier: a
				    hostnames: [a, b
				""")).isInstanceOf(NetworkDefinitionException.class).hasMessageStartingWith("test.yaml:")
				.hasMessageContaining("invalid YAML");
	}

	@Test
	void duplicateKeyIsRefused()
	{
		assertProblem("""
				organizations:
				  - identifier: a
				    identifier: b
				""", 3, "organizations[0].identifier", "given twice");
	}

	@Test
	void variableInAnUnquotedFlowListGetsAHint()
	{
		assertThatThrownBy(() -> read("""
				organizations:
				  - identifier: x.test
				    hostnames: [x${n}]
				""")).hasMessageStartingWith("test.yaml:3:").hasMessageEndingWith("put values with ${...} in quotes, e.g. [\"dic${n}\"]");
	}

	@Test
	void unknownVariableIsRefused()
	{
		assertProblem("""
				organizations:
				  - identifier: x${nope}.test
				""", 2, "organizations[0].identifier",
				"unknown variable '${nope}'; known: (none; declare it under 'parameters')");
	}

	@Test
	void countMustBeANumberInRange()
	{
		assertProblem("""
				organizations:
				  - identifier: x${n}.test
				    count: many
				""", 3, "organizations[0].count", "must be a whole number, was 'many'");
		assertProblem("""
				organizations:
				  - identifier: x${n}.test
				    count: 0
				""", 3, "organizations[0].count", "must be between 1 and 500, was 0");
	}

	@Test
	void unknownParameterGivenByTheCallerIsRefused()
	{
		assertThatThrownBy(() -> NetworkPresets.load("feasibility", Map.of("dic", "5")))
				.isInstanceOf(NetworkDefinitionException.class)
				.hasMessage("preset:feasibility: unknown parameter 'dic'; known: dics");
	}

	@Test
	void emptyAndMissingFilesAreReported()
	{
		assertThatThrownBy(() -> read("")).hasMessage("test.yaml: the file is empty; expected a mapping with 'organizations'");
		assertThatThrownBy(() -> NetworkDefinitionReader.read(dir.resolve("nope.yaml")))
				.hasMessage(dir.resolve("nope.yaml") + ": file not found");
	}

	private static NetworkDefinition read(String yaml)
	{
		return NetworkDefinitionReader.read(yaml, "test.yaml", "test", Map.of());
	}

	private static AbstractThrowableAssert<?, ?> assertProblem(String yaml, int line, String field, String problem)
	{
		return assertThatThrownBy(() -> read(yaml)).isInstanceOfSatisfying(NetworkDefinitionException.class, e ->
		{
			assertThat(e.problem()).isEqualTo(problem);
			assertThat(e.field()).isEqualTo(field);
			assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
			assertThat(e.getMessage()).startsWith("test.yaml:" + line + ":").endsWith(field + ": " + problem);
		});
	}
}
