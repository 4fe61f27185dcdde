package org.dsftestbed.fhir.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dsftestbed.fhir.authorization.TaskInputs;
import org.dsftestbed.fhir.identity.Identity;
import org.dsftestbed.fhir.identity.IdentityResolver;
import org.dsftestbed.fhir.rest.FhirException;
import org.dsftestbed.fhir.rest.FhirFormat;
import org.dsftestbed.fhir.rest.FhirRequest;
import org.dsftestbed.fhir.rest.FhirResponse;
import org.dsftestbed.fhir.rest.LogicalReferences;
import org.dsftestbed.fhir.rest.Outcomes;
import org.dsftestbed.fhir.rest.QueryString;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP in and out of the FHIR interactions: the caller's identity from its client certificate (401 when it is not
 * on the allow list), request bodies parsed (403 for anything unparsable, as the running DSF answers), response
 * formats negotiated, errors as OperationOutcomes, and every request reported to the {@link RequestListener}.
 */
final class FhirServlet extends HttpServlet
{
	private static final long serialVersionUID = 1L;
	private static final Logger logger = LoggerFactory.getLogger(FhirServlet.class);

	private final transient FhirContext context;
	private final transient IdentityResolver identities;
	private final transient InteractionHandler interactions;
	private final transient RequestListener listener;
	private final String serverOrganization;
	private final long maxBodyBytes;

	FhirServlet(FhirContext context, IdentityResolver identities, InteractionHandler interactions, RequestListener listener,
			String serverOrganization, long maxBodyBytes)
	{
		this.context = context;
		this.identities = identities;
		this.interactions = interactions;
		this.listener = listener;
		this.serverOrganization = serverOrganization;
		this.maxBodyBytes = maxBodyBytes;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException
	{
		Instant start = Instant.now();
		String path = relativePath(request);
		Identity identity = null;
		Resource requestBody = null;
		FhirResponse result;
		FhirFormat format = FhirFormat.XML;
		boolean pretty = false;
		try
		{
			Map<String, List<String>> parameters = QueryString.parse(request.getQueryString());
			pretty = "true".equals(first(parameters, "_pretty"));
			format = responseFormat(first(parameters, "_format"), request.getHeader("Accept"), path);
			identity = identify(request);

			byte[] body = readBody(request);
			String contentType = request.getContentType();
			byte[] raw = null;
			if (body.length > 0)
			{
				Optional<FhirFormat> bodyFormat = FhirFormat.ofMediaType(contentType);
				if (bodyFormat.isPresent())
					requestBody = parse(bodyFormat.get(), body);
				else if (isBinaryPath(path))
					raw = body;
				else
					throw new FhirException(415, IssueType.NOTSUPPORTED,
							"unsupported content type '" + contentType + "'; use application/fhir+json or application/fhir+xml");
			}
			FhirRequest.Headers headers = new FhirRequest.Headers(request.getHeader("If-Match"),
					request.getHeader("If-None-Exist"), request.getHeader("If-None-Match"),
					request.getHeader("If-Modified-Since"), request.getHeader("Prefer"),
					request.getHeader("X-Security-Context"), request.getHeader("Accept"));
			result = interactions.handle(new FhirRequest(identity, request.getMethod(), path, parameters, headers,
					requestBody, raw, raw == null ? null : contentType));
		}
		catch (FhirException e)
		{
			result = FhirResponse.of(e.status(), e.outcome());
		}
		catch (RuntimeException e)
		{
			logger.warn("{} {} failed", request.getMethod(), path, e);
			result = FhirResponse.of(500, Outcomes.error(IssueType.EXCEPTION, "internal error: " + e));
		}

		write(request, response, result, format, pretty);
		report(start, request.getMethod(), path, identity, requestBody, result);
	}

	/** Binaries are also read in their own content type, so only for them a non-FHIR Accept is no error. */
	private static FhirFormat responseFormat(String formatParameter, String accept, String path)
	{
		try
		{
			return FhirFormat.forResponse(formatParameter, accept);
		}
		catch (FhirException e)
		{
			if (e.status() == 406 && isBinaryPath(path))
				return FhirFormat.XML;
			throw e;
		}
	}

	private Identity identify(HttpServletRequest request)
	{
		X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
		if (chain == null || chain.length == 0)
			throw new FhirException(401, IssueType.LOGIN, "no client certificate");
		return identities.resolve(chain[0]).orElseThrow(() -> new FhirException(401, IssueType.LOGIN,
				"client certificate " + chain[0].getSubjectX500Principal().getName()
						+ " is unknown, not part of the allow list"));
	}

	private byte[] readBody(HttpServletRequest request) throws IOException
	{
		long declared = request.getContentLengthLong();
		if (declared > maxBodyBytes)
			throw new FhirException(413, IssueType.TOOCOSTLY,
					"request body of " + declared + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
		try (InputStream in = request.getInputStream())
		{
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
			if (body.length > maxBodyBytes)
				throw new FhirException(413, IssueType.TOOCOSTLY,
						"request body exceeds the limit of " + maxBodyBytes + " bytes");
			return body;
		}
	}

	private Resource parse(FhirFormat format, byte[] body)
	{
		try
		{
			var parsed = format.parser(context, false).parseResource(new String(body, StandardCharsets.UTF_8));
			if (!(parsed instanceof Resource resource))
				throw FhirException.forbidden("request body is not a FHIR R4 resource");
			return resource;
		}
		catch (DataFormatException | ClassCastException | IllegalArgumentException e)
		{
			throw FhirException.forbidden("unparsable " + format.name() + " request body: " + e.getMessage());
		}
	}

	private void write(HttpServletRequest request, HttpServletResponse response, FhirResponse result,
			FhirFormat format, boolean pretty) throws IOException
	{
		response.setStatus(result.status());
		result.headers().forEach(response::setHeader);
		if ("HEAD".equals(request.getMethod()))
			return;
		if (result.rawBody() != null)
		{
			response.setContentType(result.rawContentType());
			response.getOutputStream().write(result.rawBody());
			return;
		}
		if (result.body() == null)
			return;
		response.setContentType(format.mediaType() + ";charset=UTF-8");
		byte[] bytes = format.parser(context, pretty).encodeResourceToString(LogicalReferences.strip(result.body()))
				.getBytes(StandardCharsets.UTF_8);
		response.getOutputStream().write(bytes);
	}

	private void report(Instant start, String method, String path, Identity identity, Resource requestBody,
			FhirResponse result)
	{
		Resource task = requestBody instanceof Task ? requestBody : result.body() instanceof Task ? result.body() : null;
		List<String> segments = path.isEmpty() ? List.of() : List.of(path.split("/"));
		String type = segments.isEmpty() || segments.get(0).startsWith("_") || "metadata".equals(segments.get(0))
				? requestBody == null ? null : requestBody.fhirType()
				: segments.get(0);
		try
		{
			listener.onRequest(new RequestRecord(start, serverOrganization,
					identity == null ? null : identity.organizationIdentifier(), method, path, result.status(), type,
					TaskInputs.value(task, TaskInputs.MESSAGE_NAME), TaskInputs.value(task, TaskInputs.BUSINESS_KEY),
					TaskInputs.value(task, TaskInputs.CORRELATION_KEY), Duration.between(start, Instant.now()),
					TaskSnapshots.written(method, requestBody, result)));
		}
		catch (RuntimeException e)
		{
			logger.warn("request listener failed", e);
		}
	}

	private static String relativePath(HttpServletRequest request)
	{
		String path = request.getPathInfo();
		if (path == null)
			return "";
		while (path.startsWith("/"))
			path = path.substring(1);
		while (path.endsWith("/"))
			path = path.substring(0, path.length() - 1);
		return path;
	}

	private static boolean isBinaryPath(String path)
	{
		return path.equals("Binary") || path.startsWith("Binary/");
	}

	private static String first(Map<String, List<String>> parameters, String name)
	{
		List<String> values = parameters.getOrDefault(name, Collections.emptyList());
		return values.isEmpty() ? null : values.get(0);
	}


}
