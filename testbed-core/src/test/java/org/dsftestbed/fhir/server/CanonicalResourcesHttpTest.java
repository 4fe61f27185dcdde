package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.server.AuthorizationTestServer.PARENT;
import static org.dsftestbed.fhir.server.AuthorizationTestServer.unique;

import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.dsftestbed.fhir.authorization.Network;
import org.dsftestbed.fhir.authorization.Processes;
import org.dsftestbed.fhir.authorization.Tags;
import org.dsftestbed.fhir.authorization.process.ProcessAuthorizationCode;
import org.dsftestbed.fhir.authorization.process.ProcessAuthorizations;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.NamingSystem.NamingSystemIdentifierType;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance resources over HTTPS (spec §3.2, §3.3): ActivityDefinitions need valid process-authorization
 * extensions; ActivityDefinition, CodeSystem, ValueSet and StructureDefinition are unique by url|version, which an
 * update must not change; a NamingSystem is unique by name and by URI unique id, and keeps its name.
 */
class CanonicalResourcesHttpTest
{
	private static AuthorizationTestServer server;

	@BeforeAll
	static void start() throws Exception
	{
		server = AuthorizationTestServer.start();
	}

	@AfterAll
	static void stop()
	{
		server.close();
	}

	// --- ActivityDefinition: process authorization

	@Test
	void activityDefinitionAuthorizingEveryKindOfRequesterAndRecipientIsAccepted() throws Exception
	{
		List<Coding> requesters = List.of(Processes.localAll(), Processes.remoteAll(),
				Processes.localAllPractitioner(Network.DSF_ADMIN), Processes.localOrganization(ServerFixture.LOCAL),
				Processes.remoteOrganization(ServerFixture.REMOTE),
				Processes.localOrganizationPractitioner(ServerFixture.LOCAL, Network.DIC_USER),
				Processes.localRole(PARENT, "DIC"), Processes.remoteRole(PARENT, "HRP"),
				Processes.localRolePractitioner(PARENT, "DIC", Network.DIC_USER));
		List<Coding> recipients = List.of(Processes.localAll(), Processes.localOrganization(ServerFixture.LOCAL),
				Processes.localRole(PARENT, "DIC"));
		assertThat(requesters).extracting(Coding::getCode).containsExactlyInAnyOrder(
				java.util.Arrays.stream(ProcessAuthorizationCode.values()).map(Enum::name).toArray(String[]::new));

		ActivityDefinition created = server.create(server.local,
				TestProcess.unique().activityDefinition(requesters, recipients));

		assertThat(created.getExtensionsByUrl(ProcessAuthorizations.EXTENSION)).hasSize(1);
	}

	static Stream<Arguments> invalidActivityDefinitions()
	{
		return Stream.of(
				invalid("no process-authorization extension", ad -> ad.getExtension().clear()),
				invalid("no message-name", ad -> authorization(ad).getExtension()
						.removeIf(e -> ProcessAuthorizations.MESSAGE_NAME.equals(e.getUrl()))),
				// HAPI does not encode a blank string, so this is what a blank message-name arrives as
				invalid("message-name without value",
						ad -> authorization(ad).getExtensionByUrl(ProcessAuthorizations.MESSAGE_NAME)
								.setValue(new StringType(" "))),
				invalid("no task-profile", ad -> authorization(ad).getExtension()
						.removeIf(e -> ProcessAuthorizations.TASK_PROFILE.equals(e.getUrl()))),
				invalid("no requester", ad -> authorization(ad).getExtension()
						.removeIf(e -> ProcessAuthorizations.REQUESTER.equals(e.getUrl()))),
				invalid("no recipient", ad -> authorization(ad).getExtension()
						.removeIf(e -> ProcessAuthorizations.RECIPIENT.equals(e.getUrl()))),
				invalid("REMOTE_ALL as recipient",
						ad -> authorization(ad).addExtension(ProcessAuthorizations.RECIPIENT, Processes.remoteAll())),
				invalid("LOCAL_ALL_PRACTITIONER as recipient", ad -> authorization(ad).addExtension(
						ProcessAuthorizations.RECIPIENT, Processes.localAllPractitioner(Network.DSF_ADMIN))),
				invalid("LOCAL_ORGANIZATION without organization", ad -> authorization(ad).addExtension(
						ProcessAuthorizations.REQUESTER, ProcessAuthorizationCode.LOCAL_ORGANIZATION.toCoding())),
				invalid("REMOTE_ROLE without organization-role", ad ->
				{
					Coding role = Processes.remoteRole(PARENT, "HRP");
					role.getExtensionFirstRep().getExtension().removeIf(e -> "organization-role".equals(e.getUrl()));
					authorization(ad).addExtension(ProcessAuthorizations.REQUESTER, role);
				}),
				invalid("code of another system", ad -> authorization(ad).addExtension(ProcessAuthorizations.REQUESTER,
						new Coding("http://example.org/fhir/CodeSystem/who", "LOCAL_ALL", null))),
				invalid("unknown code", ad -> authorization(ad).addExtension(ProcessAuthorizations.REQUESTER,
						new Coding(ProcessAuthorizationCode.SYSTEM, "EVERYBODY", null))),
				invalid("message-name twice across authorizations", ad -> ad.addExtension(Processes.authorization(
						TestProcess.MESSAGE, TestProcess.TASK_PROFILE, List.of(Processes.remoteAll()),
						List.of(Processes.localAll())))),
				invalid("status unknown", ad -> ad.setStatus(PublicationStatus.UNKNOWN)),
				invalid("no version", ad -> ad.setVersion(null)),
				invalid("no read-access tag", ad -> ad.getMeta().getTag().clear()));
	}

	private static Arguments invalid(String description, Consumer<ActivityDefinition> change)
	{
		return Arguments.of(description, change);
	}

	private static Extension authorization(ActivityDefinition activityDefinition)
	{
		return activityDefinition.getExtensionByUrl(ProcessAuthorizations.EXTENSION);
	}

	private static ActivityDefinition validActivityDefinition()
	{
		return TestProcess.unique().activityDefinition(Processes.localAll(), Processes.localAll());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidActivityDefinitions")
	void invalidActivityDefinitionIsRefusedAndNothingStored(String description, Consumer<ActivityDefinition> change)
			throws Exception
	{
		ActivityDefinition activityDefinition = validActivityDefinition();
		change.accept(activityDefinition);

		server.assertCreateRefused(server.local, activityDefinition, "");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidActivityDefinitions")
	void updateMakingAnActivityDefinitionInvalidIsRefused(String description, Consumer<ActivityDefinition> change)
			throws Exception
	{
		ActivityDefinition created = server.create(server.local, validActivityDefinition());
		change.accept(created);

		server.assertUpdateRefused(server.local, created, "");
	}

	// --- url|version: ActivityDefinition, CodeSystem, ValueSet, StructureDefinition

	interface CanonicalFactory
	{
		MetadataResource create(String url, String version);
	}

	static Stream<Arguments> canonicalTypes()
	{
		return Stream.of(
				Arguments.of("ActivityDefinition", (CanonicalFactory) (url, version) -> new TestProcess(url, version)
						.activityDefinition(Processes.localAll(), Processes.localAll())),
				Arguments.of("CodeSystem", (CanonicalFactory) (url, version) -> TestResources.codeSystem(url, version,
						Tags.all())),
				Arguments.of("ValueSet", (CanonicalFactory) (url, version) -> TestResources.valueSet(url, version,
						Tags.all())),
				Arguments.of("StructureDefinition", (CanonicalFactory) (url, version) -> TestResources
						.structureDefinition(url, version, Tags.all())));
	}

	private static String newUrl(String type)
	{
		return type.equals("ActivityDefinition") ? TestProcess.unique().url()
				: unique(TestResources.EXAMPLE + type + "/");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("canonicalTypes")
	void urlAndVersionAreUnique(String type, CanonicalFactory resource) throws Exception
	{
		String url = newUrl(type);
		server.create(server.local, resource.create(url, "1.0"));

		server.assertCreateRefused(server.local, resource.create(url, "1.0"), "already exists");

		server.create(server.local, resource.create(url, "2.0"));
		assertThat(server.search(server.local, type + "?url=" + url)).hasSize(2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("canonicalTypes")
	void updateKeepsUrlAndVersion(String type, CanonicalFactory resource) throws Exception
	{
		MetadataResource created = server.create(server.local, resource.create(newUrl(type), "1.0"));

		server.assertUpdateRefused(server.local, created.copy().setVersion("1.1"), "must not change");
		server.assertUpdateRefused(server.local, created.copy().setUrl(newUrl(type)), "must not change");

		MetadataResource updated = server.update(server.local, created.copy().setStatus(PublicationStatus.RETIRED));
		assertThat(updated.getStatus()).isEqualTo(PublicationStatus.RETIRED);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("canonicalTypes")
	void urlVersionAndPublicationStatusAreRequired(String type, CanonicalFactory resource) throws Exception
	{
		server.assertCreateRefused(server.local, resource.create(newUrl(type), null), "version");
		server.assertCreateRefused(server.local, resource.create(null, "1.0"), "url");
		server.assertCreateRefused(server.local,
				resource.create(newUrl(type), "1.0").setStatus(PublicationStatus.UNKNOWN), "status");
	}

	// --- NamingSystem

	private static NamingSystem namingSystem(String name, String... uris)
	{
		NamingSystem namingSystem = new NamingSystem().setName(name).setStatus(PublicationStatus.ACTIVE)
				.setKind(NamingSystem.NamingSystemType.IDENTIFIER).setDate(new Date());
		for (String uri : uris)
			namingSystem.addUniqueId().setType(NamingSystemIdentifierType.URI).setValue(uri);
		return Tags.tagged(namingSystem, Tags.all());
	}

	private static String newName()
	{
		return unique("TestNames_").replace("-", "_");
	}

	private static String newUri()
	{
		return unique(TestResources.EXAMPLE + "sid/");
	}

	@Test
	void namingSystemNameIsUnique() throws Exception
	{
		String name = newName();
		server.create(server.local, namingSystem(name, newUri()));

		server.assertCreateRefused(server.local, namingSystem(name, newUri()), "already exists");
	}

	@Test
	void namingSystemUriUniqueIdIsUnique() throws Exception
	{
		String uri = newUri();
		server.create(server.local, namingSystem(newName(), uri));

		server.assertCreateRefused(server.local, namingSystem(newName(), uri), "already exists");
		server.assertCreateRefused(server.local, namingSystem(newName(), newUri(), uri), "already exists");
		server.assertCreateRefused(server.local, namingSystem(newName(), uri + "-other", uri + "-other"),
				"repeated");
		server.create(server.local, namingSystem(newName(), uri + "-other"));
	}

	@Test
	void namingSystemKeepsItsNameOnUpdate() throws Exception
	{
		NamingSystem created = server.create(server.local, namingSystem(newName(), newUri()));

		server.assertUpdateRefused(server.local, created.copy().setName(newName()), "must not change");

		NamingSystem updated = server.update(server.local, created.copy().setStatus(PublicationStatus.RETIRED));
		assertThat(updated.getStatus()).isEqualTo(PublicationStatus.RETIRED);
	}

	@Test
	void namingSystemWithoutNameOrStatusIsRefused() throws Exception
	{
		server.assertCreateRefused(server.local, namingSystem(null, newUri()), "name");
		server.assertCreateRefused(server.local,
				namingSystem(newName(), newUri()).setStatus(PublicationStatus.UNKNOWN), "status");
	}
}
