package org.dsftestbed.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.search.SearchFixture.BASE;
import static org.dsftestbed.fhir.search.SearchFixture.SERVER_ZONE;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.includes;
import static org.dsftestbed.fhir.search.SearchFixture.link;
import static org.dsftestbed.fhir.search.SearchFixture.matches;
import static org.dsftestbed.fhir.search.SearchFixture.reference;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelComponent;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * The searches the DSF BPE and the v1 plugin API send (spec §4.3), against an allow list of a consortium with two DICs,
 * a TTP and a retired member; the local organization is dic1, whose endpoint address is the server base.
 */
class BpeQueriesTest
{
	static final String ORG_SID = "http://dsf.dev/sid/organization-identifier";
	static final String ENDPOINT_SID = "http://dsf.dev/sid/endpoint-identifier";
	static final String ROLE = "http://dsf.dev/fhir/CodeSystem/organization-role";
	static final String CONSORTIUM = "medizininformatik-initiative.de";

	final SearchFixture fixture = new SearchFixture();

	final Organization consortium = organization(CONSORTIUM, true);
	final Organization dic1 = organization("dic1.dsf.test", true);
	final Organization dic2 = organization("dic2.dsf.test", true);
	final Organization ttp = organization("ttp.dsf.test", true);
	final Organization retired = organization("retired.dsf.test", false);

	final Endpoint dic1Endpoint = endpoint(dic1, BASE, Endpoint.EndpointStatus.ACTIVE);
	final Endpoint dic2Endpoint = endpoint(dic2, "https://dic2.dsf.test/fhir", Endpoint.EndpointStatus.ACTIVE);
	final Endpoint ttpEndpoint = endpoint(ttp, "https://ttp.dsf.test/fhir", Endpoint.EndpointStatus.ACTIVE);
	final Endpoint retiredEndpoint = endpoint(retired, "https://retired.dsf.test/fhir", Endpoint.EndpointStatus.OFF);

	final OrganizationAffiliation dic1Member = member(dic1, "DIC", dic1Endpoint, true);
	final OrganizationAffiliation dic2Member = member(dic2, "DIC", dic2Endpoint, true);
	// other role, and inactive: both stay out of the DIC member searches
	final OrganizationAffiliation ttpMember = member(ttp, "TTP", ttpEndpoint, true);
	final OrganizationAffiliation retiredMember = member(retired, "DIC", retiredEndpoint, false);

	final Subscription taskSubscription = subscription("Task?status=requested", Subscription.SubscriptionStatus.ACTIVE);
	final Subscription questionnaireResponseSubscription = subscription("QuestionnaireResponse?status=completed",
			Subscription.SubscriptionStatus.ACTIVE);
	// same criteria, but off: the BPE requires exactly one active match
	final Subscription switchedOff = subscription("Task?status=requested", Subscription.SubscriptionStatus.OFF);

	private Organization organization(String identifier, boolean active)
	{
		return fixture.create(new Organization().setActive(active)
				.addIdentifier(new Identifier().setSystem(ORG_SID).setValue(identifier)));
	}

	private Endpoint endpoint(Organization organization, String address, Endpoint.EndpointStatus status)
	{
		String name = organization.getIdentifierFirstRep().getValue();
		Endpoint endpoint = fixture.create(new Endpoint().setStatus(status).setAddress(address)
				.setManagingOrganization(new Reference(reference(organization)))
				.addIdentifier(new Identifier().setSystem(ENDPOINT_SID).setValue(name)));
		fixture.update(organization.addEndpoint(new Reference(reference(endpoint))));
		return endpoint;
	}

	private OrganizationAffiliation member(Organization member, String role, Endpoint endpoint, boolean active)
	{
		return fixture.create(new OrganizationAffiliation().setActive(active)
				.setOrganization(new Reference(reference(consortium)))
				.setParticipatingOrganization(new Reference(reference(member)))
				.addCode(new CodeableConcept(new Coding(ROLE, role, null)))
				.addEndpoint(new Reference(reference(endpoint))));
	}

	private Subscription subscription(String criteria, Subscription.SubscriptionStatus status)
	{
		return fixture.create(new Subscription().setStatus(status).setCriteria(criteria)
				.setChannel(new SubscriptionChannelComponent().setType(SubscriptionChannelType.WEBSOCKET)
						.setPayload("application/fhir+json")));
	}

	@Test
	void localOrganization()
	{
		SearchResult result = fixture.searchStrict("Endpoint",
				"status=active&address=" + BASE + "&_include=Endpoint:organization");

		assertThat(result.bundle().getEntry()).extracting(BundleEntryComponent::getResource)
				.extracting(Resource::fhirType).containsExactly("Endpoint", "Organization");
		assertThat(matches(result)).containsExactly(id(dic1Endpoint));
		assertThat(includes(result)).containsExactly(id(dic1));
		assertThat(((Organization) result.bundle().getEntry().get(1).getResource()).getActive()).isTrue();
	}

	@Test
	void localEndpoint()
	{
		SearchResult result = fixture.search("Endpoint", "status=active&address=" + BASE);

		assertThat(result.bundle().getEntry()).singleElement()
				.satisfies(e -> assertThat(id(e.getResource())).isEqualTo(id(dic1Endpoint)));
	}

	@Test
	void endpointByIdentifier()
	{
		SearchResult result = fixture.search("Endpoint", "status=active&identifier=" + ENDPOINT_SID + "|dic2.dsf.test");

		assertThat(result.total()).isEqualTo(1);
		assertThat(matches(result)).containsExactly(id(dic2Endpoint));
	}

	@Test
	void endpointByParentMemberAndRole()
	{
		SearchResult result = fixture.search("OrganizationAffiliation", "active=true&primary-organization:identifier="
				+ ORG_SID + "|" + CONSORTIUM + "&participating-organization:identifier=" + ORG_SID
				+ "|dic2.dsf.test&role=" + ROLE + "|DIC&_include=OrganizationAffiliation:endpoint");

		assertThat(result.total()).isEqualTo(1);
		assertThat(matches(result)).containsExactly(id(dic2Member));
		assertThat(includes(result)).containsExactly(id(dic2Endpoint));
	}

	@Test
	void endpointsByParentAndRolePagedUntilNoNextLink()
	{
		List<String> endpoints = new ArrayList<>();
		List<String> affiliations = new ArrayList<>();
		SearchResult page;
		int n = 0;
		do
		{
			page = fixture.search("OrganizationAffiliation",
					"active=true&primary-organization:identifier=" + ORG_SID + "|" + CONSORTIUM + "&role=" + ROLE
							+ "|DIC&_include=OrganizationAffiliation:endpoint&_count=1&_page=" + ++n + "&_sort=_id");
			affiliations.addAll(matches(page));
			endpoints.addAll(includes(page));
		}
		while (link(page, "next") != null);

		assertThat(n).isEqualTo(2);
		assertThat(affiliations).containsExactlyElementsOf(sortedIds(dic1Member, dic2Member));
		assertThat(endpoints).containsExactlyInAnyOrder(id(dic1Endpoint), id(dic2Endpoint));
	}

	@Test
	void organizationByIdentifier()
	{
		SearchResult result = fixture.search("Organization", "active=true&identifier=" + ORG_SID + "|dic2.dsf.test");

		assertThat(result.total()).isEqualTo(1);
		assertThat(matches(result)).containsExactly(id(dic2));
		assertThat(fixture.search("Organization", "active=true&identifier=" + ORG_SID + "|retired.dsf.test").total())
				.isZero();
	}

	@Test
	void membersOfParentInRole()
	{
		SearchResult result = fixture.search("OrganizationAffiliation",
				"active=true&primary-organization:identifier=" + ORG_SID + "|" + CONSORTIUM + "&role=" + ROLE
						+ "|DIC&_include=OrganizationAffiliation:participating-organization&_page=1&_sort=_id");

		assertThat(result.total()).isEqualTo(2);
		assertThat(matches(result)).containsExactlyElementsOf(sortedIds(dic1Member, dic2Member));
		assertThat(includes(result)).containsExactlyInAnyOrder(id(dic1), id(dic2));
	}

	@Test
	void remoteOrganizations()
	{
		SearchResult result = fixture.search("Organization",
				"active=true&identifier:not=" + ORG_SID + "|dic1.dsf.test&_page=1&_sort=_id");

		assertThat(matches(result)).containsExactlyElementsOf(sortedIds(consortium, dic2, ttp));
		assertThat(link(result, "next")).isNull();
	}

	@Test
	void subscriptionLookup()
	{
		SearchResult tasks = fixture.searchStrict("Subscription",
				"criteria:exact=Task?status=requested&status=active&type=websocket&payload=application/fhir+json");
		SearchResult questionnaireResponses = fixture.searchStrict("Subscription",
				"criteria:exact=QuestionnaireResponse?status=completed&status=active&type=websocket&payload=application/fhir+json");

		assertThat(tasks.total()).isEqualTo(1);
		assertThat(matches(tasks)).containsExactly(id(taskSubscription));
		assertThat(matches(questionnaireResponses)).containsExactly(id(questionnaireResponseSubscription));
	}

	@Test
	void catchUpPollingWithLocalDateTimes()
	{
		Task before = fixture.createAfter(Duration.ofSeconds(1), new Task().setStatus(Task.TaskStatus.REQUESTED));
		Task inProgress = fixture.createAfter(Duration.ofSeconds(1), new Task().setStatus(Task.TaskStatus.INPROGRESS));
		Task after1 = fixture.createAfter(Duration.ofSeconds(1), new Task().setStatus(Task.TaskStatus.REQUESTED));
		Task after2 = fixture.createAfter(Duration.ofMillis(1500), new Task().setStatus(Task.TaskStatus.REQUESTED));

		SearchResult first = fixture.search("Task", "status=requested&_count=20&_page=1&_sort=_lastUpdated");
		assertThat(matches(first)).containsExactly(id(before), id(after1), id(after2));

		// a whole second after 'before' was written, before 'after1'
		String lastEventSeconds = serverLocal(inProgress, "yyyy-MM-dd'T'HH:mm:ss");
		SearchResult poll = fixture.search("Task",
				"status=requested&_lastUpdated=gt" + lastEventSeconds + "&_count=20&_page=1&_sort=_lastUpdated");
		assertThat(matches(poll)).containsExactly(id(after1), id(after2));

		String lastEventMillis = serverLocal(after1, "yyyy-MM-dd'T'HH:mm:ss.SSS");
		SearchResult nextPoll = fixture.search("Task",
				"status=requested&_lastUpdated=gt" + lastEventMillis + "&_count=20&_page=1&_sort=_lastUpdated");
		assertThat(matches(nextPoll)).containsExactly(id(after2));

		String lastOfAll = serverLocal(after2, "yyyy-MM-dd'T'HH:mm:ss.SSS");
		assertThat(fixture.search("Task", "status=requested&_lastUpdated=gt" + lastOfAll
				+ "&_count=20&_page=1&_sort=_lastUpdated").total()).isZero();
	}

	@Test
	void questionnaireResponseCatchUpPolling()
	{
		QuestionnaireResponse inProgress = fixture.createAfter(Duration.ofSeconds(1),
				new QuestionnaireResponse().setStatus(QuestionnaireResponseStatus.INPROGRESS));
		QuestionnaireResponse completed = fixture.createAfter(Duration.ofSeconds(1),
				new QuestionnaireResponse().setStatus(QuestionnaireResponseStatus.COMPLETED));

		String lastEvent = serverLocal(inProgress, "yyyy-MM-dd'T'HH:mm:ss.SSS");
		SearchResult poll = fixture.search("QuestionnaireResponse",
				"status=completed&_lastUpdated=gt" + lastEvent + "&_count=20&_page=1&_sort=_lastUpdated");

		assertThat(matches(poll)).containsExactly(id(completed));
	}

	@Test
	void questionnaireForUserTask()
	{
		Questionnaire questionnaire = fixture.create(new Questionnaire()
				.setUrl("http://dsf.dev/fhir/Questionnaire/hello-world").setVersion("1.5")
				.setStatus(PublicationStatus.ACTIVE));
		fixture.create(new Questionnaire().setUrl("http://dsf.dev/fhir/Questionnaire/hello-world").setVersion("1.4")
				.setStatus(PublicationStatus.ACTIVE));

		assertThat(matches(fixture.search("Questionnaire", "url=http://dsf.dev/fhir/Questionnaire/hello-world|1.5")))
				.containsExactly(id(questionnaire));
	}

	@Test
	void pluginQueries()
	{
		assertThat(matches(fixture.search("Endpoint", "status=active&identifier=" + ENDPOINT_SID + "|&_page=1")))
				.containsExactlyInAnyOrder(id(dic1Endpoint), id(dic2Endpoint), id(ttpEndpoint));
		assertThat(includes(fixture.search("Organization", "identifier=" + ORG_SID + "|ttp.dsf.test"
				+ "&_include=Organization:endpoint"))).containsExactly(id(ttpEndpoint));
		assertThat(includes(fixture.search("Organization", "identifier=" + ORG_SID + "|dic2.dsf.test"
				+ "&_revinclude=OrganizationAffiliation:participating-organization"))).containsExactly(id(dic2Member));

		Bundle allowList = fixture.create(
				new Bundle().setIdentifier(new Identifier().setSystem("http://dsf.dev/fhir/CodeSystem/update-allow-list")
						.setValue("allow_list")));
		assertThat(matches(fixture.search("Bundle",
				"identifier=http://dsf.dev/fhir/CodeSystem/update-allow-list|allow_list"))).containsExactly(id(allowList));
	}

	private static List<String> sortedIds(Resource... resources)
	{
		return Stream.of(resources).map(SearchFixture::id).sorted(Comparator.naturalOrder()).toList();
	}

	private static String serverLocal(Resource resource, String pattern)
	{
		return LocalDateTime.ofInstant(resource.getMeta().getLastUpdated().toInstant(), SERVER_ZONE)
				.format(DateTimeFormatter.ofPattern(pattern));
	}
}
