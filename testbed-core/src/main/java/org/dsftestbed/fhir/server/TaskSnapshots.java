package org.dsftestbed.fhir.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dsftestbed.fhir.authorization.TaskInputs;
import org.dsftestbed.fhir.rest.FhirResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;

/**
 * The Tasks a request wrote, for its {@link RequestRecord}: a Task created (201) or updated (200) by a single
 * request, or by the entries of a batch or transaction. Nothing is computed for other requests, so recording stays
 * cheap for the searches and reads that make up most of a network's traffic.
 * <p>
 * Id and version come from the response's {@code Location} ({@code …/Task/<id>/_history/<version>}), because
 * DSF's BPE writes Tasks with {@code Prefer: return=minimal}: the stored Task's content is then the request's.
 */
final class TaskSnapshots
{
	private static final Pattern TASK_LOCATION = Pattern.compile("(?:^|/)Task/([^/]+)/_history/([^/]+)$");

	private TaskSnapshots()
	{
	}

	static List<TaskSnapshot> written(String method, Resource requestBody, FhirResponse response)
	{
		if (requestBody instanceof Task task && wrote(method, response.status()))
			return snapshot(response.body() instanceof Task stored ? stored : task, response.headers().get("Location"))
					.map(List::of).orElse(List.of());
		if (requestBody instanceof Bundle request && response.body() instanceof Bundle answer && "POST".equals(method))
			return fromEntries(request, answer);
		return List.of();
	}

	/** Batch and transaction responses list one entry per request entry, in the same order. */
	private static List<TaskSnapshot> fromEntries(Bundle request, Bundle answer)
	{
		List<TaskSnapshot> snapshots = new ArrayList<>();
		int entries = Math.min(request.getEntry().size(), answer.getEntry().size());
		for (int i = 0; i < entries; i++)
		{
			BundleEntryComponent sent = request.getEntry().get(i);
			BundleEntryComponent received = answer.getEntry().get(i);
			if (!(sent.getResource() instanceof Task task) || sent.getRequest().getMethod() == null)
				continue;
			int status = statusCode(received.getResponse().getStatus());
			if (wrote(sent.getRequest().getMethod().toCode(), status))
				snapshot(received.getResource() instanceof Task stored ? stored : task,
						received.getResponse().getLocation()).ifPresent(snapshots::add);
		}
		return snapshots;
	}

	// a conditional create that found its match answers 200 and writes nothing
	private static boolean wrote(String method, int status)
	{
		return ("POST".equals(method) && status == 201) || ("PUT".equals(method) && (status == 200 || status == 201));
	}

	private static int statusCode(String status)
	{
		if (status == null || status.length() < 3)
			return -1;
		try
		{
			return Integer.parseInt(status.substring(0, 3));
		}
		catch (NumberFormatException e)
		{
			return -1;
		}
	}

	private static Optional<TaskSnapshot> snapshot(Task task, String location)
	{
		String id = task.getIdElement().getIdPart();
		String version = task.getMeta().getVersionId();
		Matcher matcher = location == null ? null : TASK_LOCATION.matcher(location);
		if (matcher != null && matcher.find())
		{
			id = matcher.group(1);
			version = matcher.group(2);
		}
		if (id == null)
			return Optional.empty();
		List<TaskSnapshot.Output> outputs = task.getOutput().stream().map(TaskSnapshots::output).toList();
		String status = task.getStatus() == null ? null : task.getStatus().toCode();
		return Optional.of(new TaskSnapshot(id, version, status, task.getInstantiatesCanonical(), TaskInputs.value(task, TaskInputs.MESSAGE_NAME),
				TaskInputs.value(task, TaskInputs.BUSINESS_KEY), TaskInputs.value(task, TaskInputs.CORRELATION_KEY),
				outputs));
	}

	private static TaskSnapshot.Output output(Task.TaskOutputComponent output)
	{
		Coding coding = output.getType().getCodingFirstRep();
		return new TaskSnapshot.Output(coding.getSystem(), coding.getCode(), text(output.getValue()));
	}

	private static String text(Type value)
	{
		if (value == null)
			return null;
		if (value.isPrimitive())
			return value.primitiveValue();
		if (value instanceof Reference reference)
			return reference.hasReference() ? reference.getReference()
					: reference.getIdentifier().getSystem() + "|" + reference.getIdentifier().getValue();
		if (value instanceof Coding coding)
			return coding.getCode() + (coding.hasDisplay() ? " (" + coding.getDisplay() + ")" : "");
		return value.fhirType();
	}
}
