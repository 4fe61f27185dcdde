package org.dsftestbed.fhir.rest;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.dsftestbed.fhir.authorization.Decision;
import org.dsftestbed.fhir.identity.FhirServerRole;
import org.dsftestbed.fhir.identity.Identity;
import org.dsftestbed.fhir.store.ResourceStore;
import org.dsftestbed.fhir.store.ResourceStore.Found;
import org.dsftestbed.fhir.store.ResourceStore.Gone;
import org.dsftestbed.fhir.store.ResourceStore.Lookup;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResourceType;
import org.hl7.fhir.r4.model.Task;

/**
 * The FHIR interactions of one server on single resources: read, vread, create (conditional), update (If-Match,
 * conditional), delete (conditional), history, {@code $permanent-delete}, each authorized, validated and stored as
 * DSF 1.9.0 does (status codes, headers, OperationOutcomes). Batch/transaction and search sit on top of this.
 */
public final class ResourceOperations
{
	static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private final ResourceStore store;
	private final Authorizer authorizer;
	private final Searcher searcher;
	private final ResourceValidator validator;
	private final String baseUrl;
	private final Consumer<Resource> changeListener;
	private final LogicalReferences references;
	private final ExternalReferences externalReferences;
	private final CanonicalReferences canonicalReferences;

	/**
	 * @param changeListener
	 *            told about every created or updated resource (websocket subscriptions), after it is stored
	 */
	public ResourceOperations(ResourceStore store, Authorizer authorizer, Searcher searcher, ResourceValidator validator,
			String baseUrl, Consumer<Resource> changeListener, ExternalReferences externalReferences)
	{
		this.externalReferences = externalReferences;
		this.store = store;
		this.authorizer = authorizer;
		this.searcher = searcher;
		this.validator = validator;
		this.baseUrl = baseUrl;
		this.changeListener = changeListener;
		this.references = new LogicalReferences(store);
		this.canonicalReferences = new CanonicalReferences(searcher, authorizer);
	}

	public ResourceStore store()
	{
		return store;
	}

	Searcher searcher()
	{
		return searcher;
	}

	public String baseUrl()
	{
		return baseUrl;
	}

	public FhirResponse read(Identity identity, String type, String id)
	{
		Resource resource = readable(identity, type, id, store.read(type, id));
		return withVersionHeaders(FhirResponse.of(200, resource), resource);
	}

	public FhirResponse vread(Identity identity, String type, String id, String version)
	{
		long number = parseVersion(version);
		Resource resource = readable(identity, type, id, store.readVersion(type, id, number));
		return withVersionHeaders(FhirResponse.of(200, resource), resource);
	}

	private Resource readable(Identity identity, String type, String id, Lookup lookup)
	{
		requireType(type);
		if (lookup instanceof Gone gone)
			throw new FhirException(410, IssueType.DELETED, type + "/" + id + " was deleted (version " + gone.version() + ")");
		if (!(lookup instanceof Found found))
			throw FhirException.notFound(type + "/" + id + " not found");
		require(authorizer.read(identity, found.resource()));
		return found.resource();
	}

	/**
	 * @param ifNoneExist
	 *            conditional create criteria, or {@code null}
	 */
	public FhirResponse create(Identity identity, String type, Resource resource, String ifNoneExist, String preferReturn)
	{
		checkBodyType(type, resource);
		if (ifNoneExist != null && !ifNoneExist.isBlank())
		{
			List<Resource> existing = searcher.matches(type, QueryString.parse(ifNoneExist));
			if (existing.size() > 1)
				throw new FhirException(412, IssueType.MULTIPLEMATCHES,
						"conditional create of " + type + ": " + existing.size() + " resources match '" + ifNoneExist + "'");
			if (existing.size() == 1)
			{
				Resource match = existing.get(0);
				OperationOutcome outcome = Outcomes.information(IssueType.DUPLICATE,
						"resource with criteria '" + ifNoneExist + "' exists, not created");
				return withVersionHeaders(FhirResponse.of(200, outcome), match);
			}
		}
		resource.setId((String) null);
		return store(identity, resource, null, preferReturn);
	}

	/** Create under an id a transaction assigned to a {@code urn:uuid} entry (conditions already evaluated). */
	FhirResponse createWithId(Identity identity, String type, Resource resource, String id, String preferReturn)
	{
		checkBodyType(type, resource);
		resource.setId((String) null);
		return store(identity, resource, id, preferReturn);
	}

	private FhirResponse store(Identity identity, Resource resource, String id, String preferReturn)
	{
		require(authorizer.create(identity, resource));
		validate(resource);
		canonicalReferences.check(identity, resource);
		references.resolve(resource);
		checkExternalReferences(resource);
		Resource stored = id == null ? store.create(resource) : store.create(resource, id);
		changeListener.accept(stored);
		return respond(201, stored, preferReturn, "created");
	}

	public FhirResponse update(Identity identity, String type, String id, Resource resource, String ifMatch,
			String preferReturn)
	{
		checkBodyType(type, resource);
		if (!resource.hasIdElement() || !id.equals(resource.getIdElement().getIdPart()))
			throw FhirException.badRequest("id in the URL (" + id + ") and in the resource ("
					+ (resource.hasIdElement() ? resource.getIdElement().getIdPart() : "none") + ") differ");
		Lookup lookup = store.read(type, id);
		if (!(lookup instanceof Found found))
			throw new FhirException(405, IssueType.NOTSUPPORTED, type + "/" + id
					+ (lookup instanceof Gone ? " was deleted" : " does not exist") + "; update as create is not supported");
		Resource old = found.resource();
		if (ifMatch != null && !ifMatch.isBlank())
		{
			String expected = parseETag(ifMatch);
			if (!expected.equals(old.getMeta().getVersionId()))
				throw new FhirException(412, IssueType.CONFLICT, "If-Match " + ifMatch + " does not match the current version "
						+ old.getMeta().getVersionId() + " of " + type + "/" + id);
		}
		return updateExisting(identity, old, resource, preferReturn);
	}

	public FhirResponse conditionalUpdate(Identity identity, String type, Map<String, List<String>> criteria,
			Resource resource, String preferReturn)
	{
		checkBodyType(type, resource);
		List<Resource> matches = searcher.matches(type, criteria);
		if (matches.size() > 1)
			throw new FhirException(412, IssueType.MULTIPLEMATCHES,
					"conditional update of " + type + ": " + matches.size() + " resources match");
		if (matches.isEmpty())
		{
			if (resource.hasIdElement() && resource.getIdElement().hasIdPart())
				throw new FhirException(405, IssueType.NOTSUPPORTED, "conditional update of " + type
						+ ": no match, and the resource has an id; update as create is not supported");
			return create(identity, type, resource, null, preferReturn);
		}
		Resource old = matches.get(0);
		if (resource.hasIdElement() && resource.getIdElement().hasIdPart()
				&& !resource.getIdElement().getIdPart().equals(old.getIdElement().getIdPart()))
			throw FhirException.badRequest("conditional update of " + type + ": the resource's id "
					+ resource.getIdElement().getIdPart() + " is not the id of the matching resource");
		resource.setId(old.getIdElement().getIdPart());
		return updateExisting(identity, old, resource, preferReturn);
	}

	private FhirResponse updateExisting(Identity identity, Resource old, Resource resource, String preferReturn)
	{
		// rules compare with the old resource as clients see it: logical references without their literal part
		require(authorizer.update(identity, LogicalReferences.strip(old), resource));
		// DSF neither validates nor checks references when a Task is set to failed, so a broken Task can still fail
		boolean failing = resource instanceof Task task && task.getStatus() == Task.TaskStatus.FAILED;
		if (!failing)
		{
			validate(resource);
			canonicalReferences.check(identity, resource);
		}
		references.resolve(resource);
		if (!failing)
			checkExternalReferences(resource);
		resource.setId(old.getIdElement().getIdPart());
		Resource stored = store.update(resource);
		changeListener.accept(stored);
		return respond(200, stored, preferReturn, "updated");
	}

	public FhirResponse delete(Identity identity, String type, String id)
	{
		requireType(type);
		Lookup lookup = store.read(type, id);
		if (!(lookup instanceof Found found))
		{
			if (!(lookup instanceof Gone))
				throw FhirException.notFound(type + "/" + id + " not found");
			return FhirResponse.of(200, Outcomes.information(IssueType.INFORMATIONAL, type + "/" + id + " already deleted"));
		}
		Resource old = found.resource();
		require(authorizer.delete(identity, old));
		store.delete(type, id);
		return FhirResponse.of(200, Outcomes.information(IssueType.INFORMATIONAL, type + "/" + id + " deleted"));
	}

	public FhirResponse conditionalDelete(Identity identity, String type, Map<String, List<String>> criteria)
	{
		requireType(type);
		List<Resource> matches = searcher.matches(type, criteria);
		if (matches.size() > 1)
			throw new FhirException(412, IssueType.MULTIPLEMATCHES,
					"conditional delete of " + type + ": " + matches.size() + " resources match");
		if (matches.isEmpty())
			return FhirResponse.of(200, Outcomes.information(IssueType.NOTFOUND, "no " + type + " matches, nothing deleted"));
		return delete(identity, type, matches.get(0).getIdElement().getIdPart());
	}

	public FhirResponse permanentDelete(Identity identity, String type, String id)
	{
		requireType(type);
		List<ResourceStore.Version> history = store.history(type, id);
		if (history.isEmpty())
			throw FhirException.notFound(type + "/" + id + " not found");
		Resource last = history.stream().filter(v -> !v.deleted()).reduce((a, b) -> b).map(ResourceStore.Version::resource)
				.orElseThrow(() -> FhirException.notFound(type + "/" + id + " has no content"));
		require(authorizer.permanentDelete(identity, last));
		// DSF 1.9.0 removes only what was deleted before (ResourceNotMarkedDeletedException: 400)
		if (!history.get(history.size() - 1).deleted())
			throw FhirException.badRequest(type + "/" + id + " is not marked as deleted, delete it first");
		store.permanentlyDelete(type, id);
		return FhirResponse.of(200, Outcomes.information(IssueType.INFORMATIONAL, type + "/" + id + " permanently deleted"));
	}

	/** History of one resource, of a type ({@code id} null) or of the server ({@code type} null); oldest first. */
	public FhirResponse history(Identity identity, String type, String id)
	{
		require(authorizer.role(identity, FhirServerRole.HISTORY));
		if (type != null)
			requireType(type);
		List<ResourceStore.Version> versions = id != null ? store.history(type, id) : store.history(type);
		if (id != null && versions.isEmpty())
			throw FhirException.notFound(type + "/" + id + " not found");

		Bundle bundle = new Bundle().setType(BundleType.HISTORY);
		Map<String, Resource> lastContent = new LinkedHashMap<>();
		for (ResourceStore.Version version : versions)
		{
			String key = version.type() + "/" + version.id();
			Resource content = version.deleted() ? lastContent.get(key) : version.resource();
			if (!version.deleted())
				lastContent.put(key, version.resource());
			// a deletion is visible to whoever could read the content before it
			if (content == null || !authorizer.read(identity, content).isAllowed())
				continue;
			Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(baseUrl + "/" + key);
			if (version.deleted())
				entry.getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(key);
			else
			{
				entry.setResource(version.resource());
				entry.getRequest().setMethod(version.version() == 1 ? Bundle.HTTPVerb.POST : Bundle.HTTPVerb.PUT)
						.setUrl(version.version() == 1 ? version.type() : key);
			}
			entry.getResponse().setStatus(version.deleted() ? "200 OK" : version.version() == 1 ? "201 Created" : "200 OK")
					.setLastModified(java.util.Date.from(version.lastUpdated()))
					.setEtag("W/\"" + version.version() + "\"");
		}
		bundle.setTotal(bundle.getEntry().size());
		bundle.addLink().setRelation("self").setUrl(baseUrl + "/" + (type == null ? "" : type + "/")
				+ (id == null ? "" : id + "/") + "_history");
		return FhirResponse.of(200, bundle);
	}

	public FhirResponse search(Identity identity, String type, Map<String, List<String>> parameters, boolean strict)
	{
		require(authorizer.role(identity, FhirServerRole.SEARCH));
		requireType(type);
		return FhirResponse.of(200, searcher.search(type, parameters, identity, strict));
	}

	/** Reads a Binary's content in its own content type (when the client does not ask for FHIR). */
	public FhirResponse readBinaryContent(Identity identity, String id, String version)
	{
		FhirResponse response = version == null ? read(identity, "Binary", id) : vread(identity, "Binary", id, version);
		Binary binary = (Binary) response.body();
		FhirResponse raw = FhirResponse.raw(200, binary.getData() == null ? new byte[0] : binary.getData(),
				binary.getContentType());
		raw.headers().putAll(response.headers());
		if (binary.hasSecurityContext() && binary.getSecurityContext().hasReference())
			raw.header("X-Security-Context", binary.getSecurityContext().getReference());
		return raw;
	}

	/** A raw upload ({@code POST/PUT Binary} with a non-FHIR content type) as a Binary resource. */
	public static Binary binaryOf(byte[] content, String contentType, String securityContext)
	{
		Binary binary = new Binary();
		binary.setContentType(contentType);
		binary.setData(content);
		if (securityContext != null && !securityContext.isBlank())
			binary.setSecurityContext(new Reference(securityContext));
		return binary;
	}

	private FhirResponse respond(int status, Resource stored, String preferReturn, String what)
	{
		Resource body = switch (preferReturn == null ? "representation" : preferReturn)
		{
			case "minimal" -> null;
			case "OperationOutcome" -> Outcomes.information(IssueType.INFORMATIONAL,
					stored.fhirType() + "/" + stored.getIdElement().getIdPart() + " " + what);
			default -> stored;
		};
		FhirResponse response = withVersionHeaders(FhirResponse.of(status, body), stored);
		return response.header("Location", location(stored));
	}

	private FhirResponse withVersionHeaders(FhirResponse response, Resource resource)
	{
		response.header("ETag", "W/\"" + resource.getMeta().getVersionId() + "\"");
		if (resource.getMeta().getLastUpdated() != null)
			response.header("Last-Modified", HTTP_DATE.format(resource.getMeta().getLastUpdated().toInstant()));
		if (response.status() == 200 && response.body() instanceof OperationOutcome)
			response.header("Location", location(resource));
		return response;
	}

	String location(Resource resource)
	{
		return baseUrl + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart() + "/_history/"
				+ resource.getMeta().getVersionId();
	}

	private void validate(Resource resource)
	{
		Optional<OperationOutcome> errors = validator.errors(resource);
		if (errors.isPresent())
			throw new FhirException(403, errors.get());
	}

	private void checkExternalReferences(Resource resource)
	{
		if (externalReferences != null)
			externalReferences.check(resource);
	}

	static void require(Decision decision)
	{
		if (decision instanceof Decision.Refused refused)
			throw FhirException.forbidden(refused.message());
	}

	void requireType(String type)
	{
		if (!isResourceType(type))
			throw FhirException.notFound("unknown resource type '" + type + "'");
		if (!authorizer.supports(type))
			throw FhirException.notFound("resource type " + type + " is not supported by this server");
	}

	private void checkBodyType(String type, Resource resource)
	{
		requireType(type);
		if (resource == null)
			throw FhirException.forbidden("no resource in the request body");
		if (!type.equals(resource.fhirType()))
			throw FhirException.forbidden("resource type " + resource.fhirType() + " in the body does not match " + type
					+ " in the URL");
	}

	static boolean isResourceType(String type)
	{
		try
		{
			ResourceType.fromCode(type);
			return true;
		}
		catch (Exception e)
		{
			return false;
		}
	}

	private static long parseVersion(String version)
	{
		try
		{
			return Long.parseLong(version);
		}
		catch (NumberFormatException e)
		{
			throw FhirException.notFound("version '" + version + "' not found");
		}
	}

	/** {@code W/"3"} or {@code "3"} or {@code 3} → {@code 3}. */
	static String parseETag(String etag)
	{
		String value = etag.trim();
		if (value.startsWith("W/"))
			value = value.substring(2);
		return value.replace("\"", "");
	}
}
