package org.dsftestbed.fhir.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Routes a {@link FhirRequest} to its interaction, the same way for HTTP requests and for batch/transaction
 * entries.
 */
public final class Interactions
{
	/** Query parameters that shape the response rather than select resources. */
	private static final Set<String> RESULT_PARAMETERS = Set.of("_format", "_pretty");

	private final ResourceOperations operations;
	private final BundleOperations bundles;
	private final CapabilityStatementFactory capabilities;

	public Interactions(ResourceOperations operations, CapabilityStatementFactory capabilities)
	{
		this.operations = operations;
		this.bundles = new BundleOperations(this, operations);
		this.capabilities = capabilities;
	}

	public FhirResponse handle(FhirRequest request)
	{
		List<String> segments = request.segments();
		String method = request.method();
		Identity identity = request.identity();

		if (segments.isEmpty())
		{
			if ("POST".equals(method))
				return bundles.process(identity, requireBundle(request), request.headers().preferReturn());
			throw notAllowed(method, "the base URL");
		}
		if (segments.size() == 1 && "metadata".equals(segments.get(0)))
		{
			if (!"GET".equals(method) && !"HEAD".equals(method))
				throw notAllowed(method, "metadata");
			return FhirResponse.of(200, capabilities.create());
		}
		if (segments.size() == 1 && "_history".equals(segments.get(0)) && "GET".equals(method))
			return operations.history(identity, null, null);

		String type = segments.get(0);
		Map<String, List<String>> criteria = criteria(request.parameters());
		switch (segments.size())
		{
			case 1:
				return onType(request, type, criteria);
			case 2:
				if ("_history".equals(segments.get(1)) && "GET".equals(method))
					return operations.history(identity, type, null);
				if ("_search".equals(segments.get(1)) && "POST".equals(method))
					return operations.search(identity, type, request.parameters(), request.headers().strictHandling());
				return onInstance(request, type, segments.get(1));
			case 3:
				if ("_history".equals(segments.get(2)) && "GET".equals(method))
					return operations.history(identity, type, segments.get(1));
				if ("$permanent-delete".equals(segments.get(2)) && "POST".equals(method))
					return operations.permanentDelete(identity, type, segments.get(1));
				break;
			case 4:
				if ("_history".equals(segments.get(2)) && ("GET".equals(method) || "HEAD".equals(method)))
				{
					if (isRawBinaryRead(request, type))
						return operations.readBinaryContent(identity, segments.get(1), segments.get(3));
					return operations.vread(identity, type, segments.get(1), segments.get(3));
				}
				break;
			default:
				break;
		}
		throw notAllowed(method, request.path());
	}

	private FhirResponse onType(FhirRequest request, String type, Map<String, List<String>> criteria)
	{
		Identity identity = request.identity();
		return switch (request.method())
		{
			case "GET", "HEAD" -> operations.search(identity, type, request.parameters(), request.headers().strictHandling());
			case "POST" -> operations.create(identity, type, body(request, type), request.headers().ifNoneExist(),
					request.headers().preferReturn());
			case "PUT" -> {
				if (criteria.isEmpty())
					throw FhirException.badRequest("PUT " + type + " needs an id or search criteria");
				yield operations.conditionalUpdate(identity, type, criteria, body(request, type),
						request.headers().preferReturn());
			}
			case "DELETE" -> {
				if (criteria.isEmpty())
					throw FhirException.badRequest("DELETE " + type + " needs an id or search criteria");
				yield operations.conditionalDelete(identity, type, criteria);
			}
			default -> throw notAllowed(request.method(), type);
		};
	}

	private FhirResponse onInstance(FhirRequest request, String type, String id)
	{
		Identity identity = request.identity();
		return switch (request.method())
		{
			case "GET", "HEAD" -> isRawBinaryRead(request, type) ? operations.readBinaryContent(identity, id, null)
					: NotModified.check(operations.read(identity, type, id), request.headers());
			case "PUT" -> {
				Resource body = body(request, type);
				if (body instanceof Binary && request.rawBody() != null)
					body.setId(id);
				yield operations.update(identity, type, id, body, request.headers().ifMatch(),
						request.headers().preferReturn());
			}
			case "DELETE" -> operations.delete(identity, type, id);
			default -> throw notAllowed(request.method(), type + "/" + id);
		};
	}

	/** The request's resource, or for a raw upload to Binary the Binary made of its bytes. */
	private static Resource body(FhirRequest request, String type)
	{
		if ("Binary".equals(type) && request.rawBody() != null)
			return ResourceOperations.binaryOf(request.rawBody(), request.rawContentType(),
					request.headers().securityContext());
		return request.body();
	}

	/** A Binary is returned as its own bytes when the client accepts its content type rather than FHIR. */
	private static boolean isRawBinaryRead(FhirRequest request, String type)
	{
		if (!"Binary".equals(type) || request.parameter("_format").isPresent())
			return false;
		String accept = request.headers().accept();
		if (accept == null || accept.isBlank())
			return false;
		for (String entry : accept.split(","))
		{
			String mediaType = entry.split(";", 2)[0].trim();
			if (mediaType.equals("*/*") || FhirFormat.ofMediaType(mediaType).isPresent())
				return false;
		}
		return true;
	}

	private static Bundle requireBundle(FhirRequest request)
	{
		if (!(request.body() instanceof Bundle bundle))
			throw FhirException.forbidden("POST to the base URL needs a batch or transaction Bundle");
		return bundle;
	}

	private static Map<String, List<String>> criteria(Map<String, List<String>> parameters)
	{
		Map<String, List<String>> criteria = new LinkedHashMap<>(parameters);
		RESULT_PARAMETERS.forEach(criteria::remove);
		return criteria;
	}

	private static FhirException notAllowed(String method, String target)
	{
		return new FhirException(405, IssueType.NOTSUPPORTED, method + " is not supported on " + target);
	}
}
