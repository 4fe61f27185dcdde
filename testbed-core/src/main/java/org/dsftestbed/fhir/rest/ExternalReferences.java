package org.dsftestbed.fhir.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.context.FhirContexts;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * DSF's check of literal external references: an absolute reference whose base is the address of an Endpoint on
 * the allow list must exist on that server, which the FHIR server asks with a {@code HEAD} request under its own
 * client certificate. References to other bases are not checked.
 */
public final class ExternalReferences
{
	private final ResourceStore store;
	private final HttpClient client;
	private final String ownBaseUrl;

	/**
	 * @param client
	 *            HTTPS client presenting the server's client certificate ({@code DEV_DSF_FHIR_CLIENT_CERTIFICATE})
	 */
	public ExternalReferences(ResourceStore store, HttpClient client, String ownBaseUrl)
	{
		this.store = store;
		this.client = client;
		this.ownBaseUrl = ownBaseUrl;
	}

	/**
	 * @throws FhirException
	 *             403 when an external reference to an allow-listed server cannot be resolved there
	 */
	public void check(Resource resource)
	{
		List<Reference> references = FhirContexts.r4().newTerser().getAllPopulatedChildElementsOfType(resource,
				Reference.class);
		// a completed Task's input references were checked when they were written (DSF skips them here)
		if (resource instanceof Task task && task.getStatus() == Task.TaskStatus.COMPLETED)
			references.removeAll(FhirContexts.r4().newTerser().getAllPopulatedChildElementsOfType(
					new Task().setInput(task.getInput()), Reference.class));
		for (Reference reference : references)
		{
			String url = reference.getReference();
			if (url == null || !url.startsWith("https://") || url.startsWith(ownBaseUrl + "/"))
				continue;
			Optional<String> base = allowListedBase(url);
			if (base.isPresent() && !exists(url))
				throw FhirException.forbidden("external reference " + url + " could not be resolved at " + base.get());
		}
	}

	private Optional<String> allowListedBase(String url)
	{
		List<String> addresses = store.derived("Endpoint", "addresses",
				endpoints -> endpoints.stream().map(e -> ((Endpoint) e).getAddress()).filter(a -> a != null).toList());
		return addresses.stream().filter(address -> url.startsWith(address + "/")).findFirst();
	}

	private boolean exists(String url)
	{
		try
		{
			HttpRequest head = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
					.header("Accept", "application/fhir+json").method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
			return client.send(head, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException | IllegalArgumentException e)
		{
			return false;
		}
		catch (InterruptedException e)
		{
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
