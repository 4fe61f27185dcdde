package org.dsftestbed.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.dsftestbed.fhir.validation.DsfProfileValidator;
import org.dsftestbed.pki.KeyType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;

class AllowListBundleTest
{
	private static NetworkDefinition network;
	private static NetworkCertificates certificates;
	private static Bundle bundle;

	@BeforeAll
	static void build()
	{
		network = NetworkPresets.load("3dic-ttp");
		certificates = NetworkCertificates.generate(network, KeyType.RSA_2048, Clock.systemUTC());
		bundle = AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints).build();
	}

	@Test
	void isATransactionWithMembersEndpointsParentAndAffiliationsInDsfOrder()
	{
		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
		assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType() + " " + e.getRequest().getMethod()
				+ " " + e.getRequest().getUrl()).containsExactly(
						"Organization PUT Organization?identifier=http://dsf.dev/sid/organization-identifier|Test_DIC_1",
						"Organization PUT Organization?identifier=http://dsf.dev/sid/organization-identifier|Test_DIC_2",
						"Organization PUT Organization?identifier=http://dsf.dev/sid/organization-identifier|Test_DIC_3",
						"Organization PUT Organization?identifier=http://dsf.dev/sid/organization-identifier|Test_TTP",
						"Endpoint PUT Endpoint?identifier=http://dsf.dev/sid/endpoint-identifier|dic1",
						"Endpoint PUT Endpoint?identifier=http://dsf.dev/sid/endpoint-identifier|dic2",
						"Endpoint PUT Endpoint?identifier=http://dsf.dev/sid/endpoint-identifier|dic3",
						"Endpoint PUT Endpoint?identifier=http://dsf.dev/sid/endpoint-identifier|ttp",
						"Organization POST Organization", "OrganizationAffiliation POST OrganizationAffiliation",
						"OrganizationAffiliation POST OrganizationAffiliation",
						"OrganizationAffiliation POST OrganizationAffiliation",
						"OrganizationAffiliation POST OrganizationAffiliation");

		assertThat(bundle.getEntry().get(8).getRequest().getIfNoneExist())
				.isEqualTo("identifier=http://dsf.dev/sid/organization-identifier|medizininformatik-initiative.de");
		assertThat(bundle.getEntry().get(12).getRequest().getIfNoneExist()).isEqualTo(
				"primary-organization:identifier=http://dsf.dev/sid/organization-identifier|medizininformatik-initiative.de"
						+ "&participating-organization:identifier=http://dsf.dev/sid/organization-identifier|Test_TTP");
	}

	@Test
	void everyResourceHasItsDsfProfileAndReadAccessTagAll()
	{
		for (BundleEntryComponent entry : bundle.getEntry())
		{
			Resource resource = entry.getResource();
			assertThat(resource.getMeta().getTag()).singleElement().satisfies(tag ->
			{
				assertThat(tag.getSystem()).isEqualTo("http://dsf.dev/fhir/CodeSystem/read-access-tag");
				assertThat(tag.getCode()).isEqualTo("ALL");
			});
			assertThat(resource.getMeta().getProfile()).hasSize(1);
			assertThat(entry.getFullUrl()).startsWith("urn:uuid:");
		}
		assertThat(entries(Organization.class).get(0).getMeta().getProfile().get(0).getValue())
				.isEqualTo("http://dsf.dev/fhir/StructureDefinition/organization");
		assertThat(entries(Organization.class).get(4).getMeta().getProfile().get(0).getValue())
				.isEqualTo("http://dsf.dev/fhir/StructureDefinition/organization-parent");
	}

	@Test
	void memberOrganizationsCarryTheirClientThumbprintAndReferenceTheirEndpoint()
	{
		Organization dic2 = entries(Organization.class).get(1);
		assertThat(dic2.getExtensionsByUrl(AllowListBundle.THUMBPRINT_EXTENSION)).singleElement()
				.satisfies(extension -> assertThat(((StringType) extension.getValue()).getValue())
						.isEqualTo(certificates.organization("Test_DIC_2").client().thumbprint())
						.matches("[a-f0-9]{128}"));
		assertThat(dic2.getActive()).isTrue();

		Endpoint endpoint = (Endpoint) resolve(dic2.getEndpointFirstRep().getReference());
		assertThat(endpoint.getIdentifierFirstRep().getValue()).isEqualTo("dic2");
		assertThat(endpoint.getAddress()).isEqualTo("https://dic2/fhir");
		assertThat(endpoint.getPayloadMimeType()).extracting(t -> t.getValue())
				.containsExactly("application/fhir+json", "application/fhir+xml");
		assertThat(resolve(endpoint.getManagingOrganization().getReference())).isSameAs(dic2);
	}

	@Test
	void affiliationsLinkParentMemberRolesAndEndpoint()
	{
		OrganizationAffiliation ttp = entries(OrganizationAffiliation.class).get(3);
		Organization parent = (Organization) resolve(ttp.getOrganization().getReference());
		Organization member = (Organization) resolve(ttp.getParticipatingOrganization().getReference());

		assertThat(parent.getIdentifierFirstRep().getValue()).isEqualTo("medizininformatik-initiative.de");
		assertThat(member.getIdentifierFirstRep().getValue()).isEqualTo("Test_TTP");
		assertThat(ttp.getCode()).extracting(c -> c.getCodingFirstRep().getSystem() + "#" + c.getCodingFirstRep().getCode())
				.containsExactly("http://dsf.dev/fhir/CodeSystem/organization-role#TTP");
		assertThat(resolve(ttp.getEndpointFirstRep().getReference())).isSameAs(resolve(member.getEndpointFirstRep().getReference()));
	}

	@Test
	void endpointAddressesComeFromTheRuntimeAndMustBeDsfValid()
	{
		Bundle onLoopback = AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints)
				.endpointAddress(o -> "https://localhost:" + (8000 + network.organizations().indexOf(o)) + "/fhir")
				.build();
		assertThat(entries(onLoopback, Endpoint.class)).extracting(Endpoint::getAddress)
				.containsExactly("https://localhost:8000/fhir", "https://localhost:8001/fhir",
						"https://localhost:8002/fhir", "https://localhost:8003/fhir");

		assertThatThrownBy(() -> AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints)
				.endpointAddress(o -> "https://localhost:18443/fhir").build())
				.hasMessageContaining("port of at most 4 digits");
	}

	@Test
	void excludedOrganizationsAndTheirAffiliationsAreLeftOut()
	{
		Bundle without = AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints)
				.excluding(List.of("Test_DIC_3")).build();
		Set<String> identifiers = entries(without, Organization.class).stream()
				.map(o -> o.getIdentifierFirstRep().getValue()).collect(Collectors.toSet());
		assertThat(identifiers).doesNotContain("Test_DIC_3").contains("Test_DIC_1", "Test_TTP");
		assertThat(entries(without, OrganizationAffiliation.class)).hasSize(3);
		assertThat(entries(without, Endpoint.class)).hasSize(3);
	}

	@Test
	void sameInputGivesTheSameXml()
	{
		String again = AllowListBundle.toXml(
				AllowListBundle.builder(network).thumbprints(certificates::allowListThumbprints).build());
		assertThat(AllowListBundle.toXml(bundle)).isEqualTo(again);
		assertThat(AllowListBundle.fromXml(again).getEntry()).hasSize(13);
	}

	@Test
	void organizationWithoutThumbprintIsRefused()
	{
		assertThatThrownBy(() -> AllowListBundle.builder(network).thumbprints(id -> List.of()).build())
				.hasMessage("no certificate thumbprint for organization Test_DIC_1");
	}

	@Test
	void everyResourceValidatesAgainstTheDsf190Profiles()
	{
		FhirContext context = FhirContext.forR4();
		DsfProfileValidator validator = new DsfProfileValidator(context);
		Bundle parsed = context.newXmlParser().parseResource(Bundle.class, AllowListBundle.toXml(bundle));

		assertThat(validator.errors(parsed)).as("Bundle").isEmpty();
		for (BundleEntryComponent entry : parsed.getEntry())
		{
			List<SingleValidationMessage> errors = validator.errors(entry.getResource());
			assertThat(errors).as(entry.getResource().fhirType() + " " + entry.getRequest().getUrl() + ": "
					+ errors.stream().map(m -> m.getLocationString() + " " + m.getMessage()).toList()).isEmpty();
		}
	}

	@Test
	void theValidatorRejectsAMemberWithoutThumbprint()
	{
		// proves the validation above can fail: the DSF organization profile requires the thumbprint extension
		FhirContext context = FhirContext.forR4();
		DsfProfileValidator validator = new DsfProfileValidator(context);
		Organization broken = entries(Organization.class).get(0).copy();
		broken.getExtension().clear();
		assertThat(validator.errors(broken)).isNotEmpty();
	}

	private static <T extends Resource> List<T> entries(Class<T> type)
	{
		return entries(bundle, type);
	}

	private static <T extends Resource> List<T> entries(Bundle bundle, Class<T> type)
	{
		return bundle.getEntry().stream().map(BundleEntryComponent::getResource).filter(type::isInstance)
				.map(type::cast).toList();
	}

	private static Resource resolve(String fullUrl)
	{
		Map<String, Resource> byUrl = bundle.getEntry().stream()
				.collect(Collectors.toMap(BundleEntryComponent::getFullUrl, BundleEntryComponent::getResource));
		assertThat(byUrl).containsKey(fullUrl);
		return byUrl.get(fullUrl);
	}
}
