package org.dsftestbed.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.dsftestbed.network.AllowListBundle;
import org.dsftestbed.network.NetworkDefinition;
import org.dsftestbed.network.NetworkPresets;
import org.dsftestbed.network.PkiDirectory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.StringType;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Steps on a network's certificates and allow lists; thin calls into testbed-core. */
public class PkiSteps
{
	private NetworkDefinition network;
	private PkiDirectory.Result pki;
	private Path folder;

	@Given("the network definition {string}")
	public void theNetworkDefinition(String presetOrFile)
	{
		network = NetworkPresets.resolve(presetOrFile, Map.of());
	}

	@Given("the network definition {string} with {word}={word}")
	public void theNetworkDefinitionWith(String presetOrFile, String parameter, String value)
	{
		network = NetworkPresets.resolve(presetOrFile, Map.of(parameter, value));
	}

	@When("its certificates and allow lists are written")
	public void itsCertificatesAndAllowListsAreWritten() throws IOException
	{
		folder = Files.createTempDirectory("dsf-testbed-pki");
		pki = PkiDirectory.write(folder, network, PkiDirectory.Options.defaults(), Clock.systemUTC(), line -> {});
	}

	@Then("the network has {int} organizations")
	public void theNetworkHasOrganizations(int count)
	{
		assertThat(network.organizations()).hasSize(count);
	}

	@Then("the allow list of {string} names {string} by the thumbprint of its client certificate")
	public void theAllowListNames(String holder, String member) throws IOException
	{
		Organization organization = allowList(holder).getEntry().stream()
				.map(Bundle.BundleEntryComponent::getResource).filter(Organization.class::isInstance)
				.map(Organization.class::cast)
				.filter(o -> o.getIdentifierFirstRep().getValue().equals(network.organization(member).identifier()))
				.findFirst().orElseThrow(() -> new AssertionError("allow list of " + holder + " lacks " + member));
		assertThat(organization.getExtensionsByUrl(AllowListBundle.THUMBPRINT_EXTENSION))
				.extracting(e -> ((StringType) e.getValue()).getValue())
				.containsExactly(pki.certificates().organization(member).client().thumbprint());
	}

	@Then("the server certificate of {string} is valid for {string}, {string} and {string}")
	public void theServerCertificateIsValidFor(String identifier, String first, String second, String third)
			throws Exception
	{
		var certificate = pki.certificates().organization(network.organization(identifier).identifier()).server()
				.certificate();
		certificate.checkValidity();
		assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> (String) name.get(1))
				.containsExactlyInAnyOrderElementsOf(List.of(first, second, third));
	}

	@Then("asking for the allow list of {string} fails with {string}")
	public void askingForTheAllowListFails(String identifier, String message)
	{
		assertThatThrownBy(() -> allowList(identifier)).hasMessage(message);
	}

	private Bundle allowList(String identifier) throws IOException
	{
		String id = network.organization(identifier).identifier();
		return AllowListBundle.fromXml(
				Files.readString(folder.resolve("organizations").resolve(id).resolve("allow-list-bundle.xml")));
	}

	@After
	public void deleteFolder() throws IOException
	{
		if (folder == null)
			return;
		try (var files = Files.walk(folder))
		{
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}
}
