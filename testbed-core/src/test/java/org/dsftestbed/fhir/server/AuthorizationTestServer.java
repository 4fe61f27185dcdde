package org.dsftestbed.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.fhir.identity.FhirServerRole;
import org.dsftestbed.fhir.identity.PractitionerRoleConfig;
import org.dsftestbed.fhir.store.ResourceStore;
import org.dsftestbed.pki.IssuedCertificate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR server of dic.dsf.test for one authorization test class (one server per class), its callers, and the
 * checks every case of the authorization suite makes over HTTPS: an allowed request answers 201 or 200, a refused
 * one answers 403 with an OperationOutcome of the type's authorization rule (so that a 403 of the profile validation
 * cannot pass for one of the rule) and leaves the store exactly as it was.
 *
 * <pre>{@code
 * server = AuthorizationTestServer.start();
 * Library library = server.create(server.local, TestResources.library(Tags.all()));
 * server.assertCreateRefused(server.remote, TestResources.library(Tags.all()), "may only be created by local identities");
 * }</pre>
 */
final class AuthorizationTestServer implements AutoCloseable
{
	/** The parent organization of the tutorial network; dic, hrp and cos are members with roles DIC, HRP and COS. */
	static final String PARENT = "medizininformatik-initiative.de";

	/** A practitioner of the local organization (all server roles) with practitioner roles, e.g. DSF_ADMIN. */
	record Practitioner(String name, Set<Coding> roles)
	{
		Practitioner(String name, Coding... roles)
		{
			this(name, Set.of(roles));
		}
	}

	final ServerFixture fixture;
	/** dic.dsf.test, the local organization (role DIC). */
	final HttpsTestClient local;
	/** hrp.dsf.test, a remote organization (role HRP). */
	final HttpsTestClient remote;
	/** cos.dsf.test, another remote organization (role COS). */
	final HttpsTestClient otherRemote;
	private final Map<String, HttpsTestClient> practitioners = new LinkedHashMap<>();

	private AuthorizationTestServer(Practitioner... practitioners) throws IOException
	{
		Map<String, IssuedCertificate> certificates = new LinkedHashMap<>();
		fixture = new ServerFixture((config, network) ->
		{
			for (Practitioner practitioner : practitioners)
			{
				IssuedCertificate certificate = network.pki().clientCertificate(practitioner.name(), "Practitioner");
				certificates.put(practitioner.name(), certificate);
				config.withPractitioner(new PractitionerRoleConfig(practitioner.name(), certificate.thumbprint(),
						EnumSet.copyOf(FhirServerRole.LOCAL_ORGANIZATION), practitioner.roles()));
			}
			return config;
		});
		certificates.forEach((name, certificate) -> this.practitioners.put(name, fixture.client(certificate)));
		local = fixture.client(ServerFixture.LOCAL);
		remote = fixture.client(ServerFixture.REMOTE);
		otherRemote = fixture.client(ServerFixture.OTHER_REMOTE);
	}

	static AuthorizationTestServer start(Practitioner... practitioners) throws IOException
	{
		return new AuthorizationTestServer(practitioners);
	}

	HttpsTestClient practitioner(String name)
	{
		HttpsTestClient client = practitioners.get(name);
		if (client == null)
			throw new IllegalArgumentException("unknown practitioner '" + name + "'; known: " + practitioners.keySet());
		return client;
	}

	/** A client whose certificate the network's CA issued, but that no Organization or role configuration lists. */
	HttpsTestClient unknown()
	{
		return fixture.client(fixture.unknownCertificate());
	}

	static String unique(String prefix)
	{
		return prefix + UUID.randomUUID();
	}

	ResourceStore store()
	{
		return fixture.server.store();
	}

	// --- create

	/** POSTs the resource; asserts 201 and returns the created resource as the server answered it. */
	<R extends Resource> R create(HttpsTestClient caller, R resource) throws Exception
	{
		HttpsTestClient.Response response = caller.postJson(resource.fhirType(), resource);
		assertThat(response.status()).as("create %s: %s", resource.fhirType(), response.body()).isEqualTo(201);
		@SuppressWarnings("unchecked")
		R created = (R) response.resource(resource.getClass());
		return created;
	}

	/**
	 * POSTs the resource; asserts 403 from the type's authorization rule with a reason containing {@code reason}, and
	 * that nothing of the type was written.
	 */
	void assertCreateRefused(HttpsTestClient caller, Resource resource, String reason) throws Exception
	{
		String type = resource.fhirType();
		long writesBefore = store().writeCount(type);
		int before = store().current(type, r -> true).size();

		HttpsTestClient.Response response = caller.postJson(type, resource);

		assertRefusedByRule(response, type, reason);
		assertThat(store().writeCount(type)).as("%s written by a refused create", type).isEqualTo(writesBefore);
		assertThat(store().current(type, r -> true)).as("%s stored by a refused create", type).hasSize(before);
	}

	// --- update

	/** PUTs the resource to {@code Type/id}; asserts 200 and returns the updated resource as the server answered it. */
	<R extends Resource> R update(HttpsTestClient caller, R resource) throws Exception
	{
		HttpsTestClient.Response response = caller.putJson(path(resource), resource);
		assertThat(response.status()).as("update %s: %s", path(resource), response.body()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		R updated = (R) response.resource(resource.getClass());
		return updated;
	}

	/**
	 * PUTs the resource to {@code Type/id}; asserts 403 from the type's authorization rule with a reason containing
	 * {@code reason}, and that the stored resource is unchanged (same version, same content).
	 */
	void assertUpdateRefused(HttpsTestClient caller, Resource resource, String reason) throws Exception
	{
		String type = resource.fhirType();
		String id = resource.getIdElement().getIdPart();
		String before = storedState(type, id);
		long writesBefore = store().writeCount(type);

		HttpsTestClient.Response response = caller.putJson(path(resource), resource);

		assertRefusedByRule(response, type, reason);
		assertThat(storedState(type, id)).as("%s/%s after a refused update", type, id).isEqualTo(before);
		assertThat(store().writeCount(type)).as("%s written by a refused update", type).isEqualTo(writesBefore);
	}

	// --- delete

	void delete(HttpsTestClient caller, String type, String id) throws Exception
	{
		HttpsTestClient.Response response = caller.send("DELETE", type + "/" + id, null, "Accept",
				"application/fhir+json");
		assertThat(response.status()).as("delete %s/%s: %s", type, id, response.body()).isEqualTo(200);
		assertThat(store().read(type, id)).as("%s/%s after delete", type, id).isInstanceOf(ResourceStore.Gone.class);
	}

	/** DELETEs; asserts 403 from the type's rule and that the stored resource is unchanged. */
	void assertDeleteRefused(HttpsTestClient caller, String type, String id, String reason) throws Exception
	{
		String before = storedState(type, id);
		assertThat(store().read(type, id)).isInstanceOf(ResourceStore.Found.class);

		HttpsTestClient.Response response = caller.send("DELETE", type + "/" + id, null, "Accept",
				"application/fhir+json");

		assertRefusedByRule(response, type, reason);
		assertThat(storedState(type, id)).as("%s/%s after a refused delete", type, id).isEqualTo(before);
	}

	// --- read, search, history

	/** GET of {@code path} (read or vread) as FHIR JSON; the status code. */
	int read(HttpsTestClient caller, String path) throws Exception
	{
		return get(caller, path).status();
	}

	/** GET of {@code Type/id[/_history/n]}; asserts 403 from the type's authorization rule. */
	void assertReadRefused(HttpsTestClient caller, String path) throws Exception
	{
		assertRefusedByRule(get(caller, path), path.substring(0, path.indexOf('/')), "");
	}

	/** The {@code Type/id} of the matches of a search, e.g. {@code Library?url=...}; asserts 200. */
	Set<String> search(HttpsTestClient caller, String query) throws Exception
	{
		Bundle bundle = bundle(caller, query);
		Set<String> matches = entries(bundle, Bundle.SearchEntryMode.MATCH);
		assertThat(bundle.getTotal()).as("total of %s", query).isEqualTo(matches.size());
		return matches;
	}

	/** The {@code Type/id} of the resources a search includes ({@code _include}, {@code _revinclude}). */
	Set<String> included(HttpsTestClient caller, String query) throws Exception
	{
		return entries(bundle(caller, query), Bundle.SearchEntryMode.INCLUDE);
	}

	private static Set<String> entries(Bundle bundle, Bundle.SearchEntryMode mode)
	{
		Set<String> entries = new LinkedHashSet<>();
		bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == mode)
				.forEach(e -> entries.add(path(e.getResource())));
		return entries;
	}

	/** The {@code Type/id/_history/n} of the entries with a resource of a history, e.g. {@code Library/_history}. */
	List<String> history(HttpsTestClient caller, String path) throws Exception
	{
		return bundle(caller, path).getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource)
				.map(e -> path(e.getResource()) + "/_history/" + e.getResource().getMeta().getVersionId()).toList();
	}

	private Bundle bundle(HttpsTestClient caller, String path) throws Exception
	{
		HttpsTestClient.Response response = get(caller, path);
		assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return response.resource(Bundle.class);
	}

	private static HttpsTestClient.Response get(HttpsTestClient caller, String path) throws Exception
	{
		return caller.get(path, "Accept", "application/fhir+json");
	}

	/** The allow list's affiliation of a member in {@value #PARENT}, as the local organization reads it. */
	OrganizationAffiliation affiliationOf(String member) throws Exception
	{
		Bundle bundle = bundle(local, "OrganizationAffiliation?primary-organization:identifier="
				+ DsfIdentifiers.ORGANIZATION + "%7C" + PARENT + "&participating-organization:identifier="
				+ DsfIdentifiers.ORGANIZATION + "%7C" + member);
		assertThat(bundle.getEntry()).as("affiliations of %s", member).hasSize(1);
		return (OrganizationAffiliation) bundle.getEntryFirstRep().getResource();
	}

	interface Check
	{
		void run() throws Exception;
	}

	/**
	 * Runs {@code check} while the allow list's affiliation of {@code member} is inactive (set so by the local
	 * organization over HTTPS), then makes it active again.
	 */
	void whileAffiliationInactive(String member, Check check) throws Exception
	{
		OrganizationAffiliation inactive = update(local, affiliationOf(member).setActive(false));
		try
		{
			check.run();
		}
		finally
		{
			update(local, inactive.setActive(true));
		}
	}

	// --- refusals

	/**
	 * Asserts 403 with an OperationOutcome whose diagnostics name the type's authorization rule (DSF names them
	 * {@code <Type>AuthorizationRule}) and contain {@code reason}.
	 */
	static void assertRefusedByRule(HttpsTestClient.Response response, String type, String reason)
	{
		assertForbidden(response, type + "AuthorizationRule: ", reason);
	}

	/** Asserts 403 with an OperationOutcome whose diagnostics start with {@code prefix} and contain {@code reason}. */
	static void assertForbidden(HttpsTestClient.Response response, String prefix, String reason)
	{
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		String diagnostics = response.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics();
		assertThat(diagnostics).startsWith(prefix).contains(reason);
	}

	/** The current version of a stored resource as JSON (or that it is deleted / missing), to compare before/after. */
	String storedState(String type, String id)
	{
		ResourceStore.Lookup lookup = store().read(type, id);
		if (lookup instanceof ResourceStore.Found found)
			return FhirContexts.r4().newJsonParser().encodeResourceToString(found.resource());
		if (lookup instanceof ResourceStore.Gone gone)
			return "deleted in version " + gone.version();
		return "missing";
	}

	static String path(Resource resource)
	{
		return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
	}

	@Override
	public void close()
	{
		fixture.close();
	}
}
