package org.dsftestbed.fhir.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleEntryRequestComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;



/**
 * Batch and transaction Bundles posted to the base URL. Every entry is authorized and validated like a single
 * request. A batch answers each entry on its own; a transaction first gives every {@code urn:uuid} entry its id
 * (the existing resource's for a matching conditional create or update), rewrites the references to them, then runs
 * the entries and keeps all or nothing.
 */
final class BundleOperations
{

	private final Interactions interactions;
	private final ResourceOperations operations;

	BundleOperations(Interactions interactions, ResourceOperations operations)
	{
		this.interactions = interactions;
		this.operations = operations;
	}

	FhirResponse process(Identity identity, Bundle bundle, String preferReturn)
	{
		if (bundle.getType() == BundleType.BATCH)
			return FhirResponse.of(200, batch(identity, bundle, preferReturn));
		if (bundle.getType() == BundleType.TRANSACTION)
			return FhirResponse.of(200, operations.store().atomically(() -> transaction(identity, bundle, preferReturn)));
		throw FhirException.badRequest("Bundle type must be batch or transaction, was "
				+ (bundle.getType() == null ? "not set" : bundle.getType().toCode()));
	}

	private Bundle batch(Identity identity, Bundle bundle, String preferReturn)
	{
		Bundle result = new Bundle().setType(BundleType.BATCHRESPONSE);
		for (BundleEntryComponent entry : bundle.getEntry())
		{
			try
			{
				addResponse(result, interactions.handle(request(identity, entry,
						entry.getResource() == null ? null : entry.getResource().copy(), preferReturn)));
			}
			catch (FhirException e)
			{
				addError(result, e.status(), e.outcome());
			}
		}
		return result;
	}

	private Bundle transaction(Identity identity, Bundle bundle, String preferReturn)
	{
		Map<String, String> assigned = assignIds(bundle);
		Bundle result = new Bundle().setType(BundleType.TRANSACTIONRESPONSE);
		List<BundleEntryComponent> entries = bundle.getEntry();
		for (int index = 0; index < entries.size(); index++)
		{
			BundleEntryComponent entry = entries.get(index);
			Resource resource = entry.getResource() == null ? null : entry.getResource().copy();
			if (resource != null)
				rewriteReferences(resource, assigned);
			try
			{
				addResponse(result, transactionEntry(identity, entry, resource, assigned, preferReturn));
			}
			catch (FhirException e)
			{
				OperationOutcome outcome = e.outcome().copy();
				outcome.getIssueFirstRep().setDiagnostics("transaction entry " + index + " ("
						+ entry.getRequest().getMethod() + " " + entry.getRequest().getUrl() + "): "
						+ outcome.getIssueFirstRep().getDiagnostics());
				throw new FhirException(e.status(), outcome);
			}
		}
		return result;
	}

	private FhirResponse transactionEntry(Identity identity, BundleEntryComponent entry, Resource resource,
			Map<String, String> assigned, String preferReturn)
	{
		BundleEntryRequestComponent request = entry.getRequest();
		String fullUrl = entry.getFullUrl();
		String assignedReference = fullUrl == null ? null : assigned.get(fullUrl);
		boolean creates = request.getMethod() == Bundle.HTTPVerb.POST
				|| (request.getMethod() == Bundle.HTTPVerb.PUT && request.getUrl() != null && request.getUrl().contains("?"));
		if (creates && resource != null && assignedReference != null && !exists(assignedReference))
			return operations.createWithId(identity, resource.fhirType(), resource,
					assignedReference.substring(assignedReference.indexOf('/') + 1), preferReturn);
		return interactions.handle(request(identity, entry, resource, preferReturn));
	}

	/** urn:uuid full URL → {@code Type/id}: the matching resource's id, or a new one. */
	private Map<String, String> assignIds(Bundle bundle)
	{
		Map<String, String> assigned = new HashMap<>();
		for (BundleEntryComponent entry : bundle.getEntry())
		{
			if (entry.getFullUrl() == null || !entry.getFullUrl().startsWith("urn:uuid:") || entry.getResource() == null)
				continue;
			String type = entry.getResource().fhirType();
			BundleEntryRequestComponent request = entry.getRequest();
			String criteria = null;
			if (request.getMethod() == Bundle.HTTPVerb.POST)
				criteria = request.getIfNoneExist();
			else if (request.getMethod() == Bundle.HTTPVerb.PUT && request.getUrl() != null && request.getUrl().contains("?"))
				criteria = request.getUrl().substring(request.getUrl().indexOf('?') + 1);

			String id = org.dsftestbed.fhir.store.ResourceStore.newId();
			if (criteria != null && !criteria.isBlank())
			{
				List<Resource> matches = operationsMatches(type, criteria);
				if (matches.size() == 1)
					id = matches.get(0).getIdElement().getIdPart();
			}
			assigned.put(entry.getFullUrl(), type + "/" + id);
		}
		return assigned;
	}

	private List<Resource> operationsMatches(String type, String criteria)
	{
		return operations.searcher().matches(type, QueryString.parse(criteria));
	}

	private boolean exists(String reference)
	{
		String[] parts = reference.split("/", 2);
		return operations.store().read(parts[0], parts[1]) instanceof org.dsftestbed.fhir.store.ResourceStore.Found;
	}

	private static void rewriteReferences(Resource resource, Map<String, String> assigned)
	{
		for (Reference reference : FhirContexts.r4().newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class))
		{
			String target = reference.getReference();
			if (target != null && assigned.containsKey(target))
				reference.setReference(assigned.get(target));
		}
	}

	private static FhirRequest request(Identity identity, BundleEntryComponent entry, Resource resource,
			String preferReturn)
	{
		// HAPI's parser gives an entry's resource its fullUrl as id; a urn:uuid is no id the server can keep
		if (resource != null && resource.getIdElement().getValue() != null
				&& resource.getIdElement().getValue().startsWith("urn:"))
			resource.setId((String) null);
		BundleEntryRequestComponent request = entry.getRequest();
		if (request.getMethod() == null || request.getUrl() == null)
			throw FhirException.badRequest("bundle entry without request method or url");
		String url = request.getUrl();
		int query = url.indexOf('?');
		String path = query < 0 ? url : url.substring(0, query);
		while (path.startsWith("/"))
			path = path.substring(1);
		FhirRequest.Headers headers = new FhirRequest.Headers(request.getIfMatch(), request.getIfNoneExist(),
				request.getIfNoneMatch(), null, "return=" + preferReturn, null, null);
		return new FhirRequest(identity, request.getMethod().toCode(), path,
				QueryString.parse(query < 0 ? null : url.substring(query + 1)), headers, resource, null, null);
	}

	private static void addResponse(Bundle result, FhirResponse response)
	{
		BundleEntryComponent entry = result.addEntry();
		entry.getResponse().setStatus(response.status() + " " + reason(response.status()));
		String location = response.headers().get("Location");
		if (location != null)
		{
			entry.getResponse().setLocation(location);
			entry.setFullUrl(location.replaceFirst("/_history/.*$", ""));
		}
		if (response.headers().containsKey("ETag"))
			entry.getResponse().setEtag(response.headers().get("ETag"));
		if (response.body() instanceof OperationOutcome outcome)
			entry.getResponse().setOutcome(outcome);
		else if (response.body() != null)
			entry.setResource(response.body());
	}

	private static void addError(Bundle result, int status, OperationOutcome outcome)
	{
		BundleEntryComponent entry = result.addEntry();
		entry.getResponse().setStatus(status + " " + reason(status)).setOutcome(outcome);
	}

	private static String reason(int status)
	{
		return switch (status)
		{
			case 200 -> "OK";
			case 201 -> "Created";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 410 -> "Gone";
			case 412 -> "Precondition Failed";
			default -> "";
		};
	}

}
