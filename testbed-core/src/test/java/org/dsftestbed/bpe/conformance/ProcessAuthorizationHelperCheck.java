package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.Expect.equal;
import static org.dsftestbed.bpe.conformance.Expect.isTrue;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.variables.Variables;
import dev.dsf.fhir.authorization.process.Recipient;
import dev.dsf.fhir.authorization.process.Requester;

/**
 * {@code ProcessAuthorizationHelper} (spec §3.3) on the plugin's own ActivityDefinition as the BPE uploaded it to the
 * local server, and on one built here.
 */
public class ProcessAuthorizationHelperCheck extends ConformanceActivity
{
	private static final String VERSION = "1.0";
	private static final String PROFILE = ConformanceNetwork.TASK_PROFILE + "|" + VERSION;

	public ProcessAuthorizationHelperCheck(ProcessPluginApi api)
	{
		super(api);
	}

	private ActivityDefinition uploaded()
	{
		Bundle bundle = api.getFhirWebserviceClientProvider().getLocalWebserviceClient().search(
				ActivityDefinition.class,
				Map.of("url", List.of(ConformanceNetwork.PROCESS_URL), "version", List.of(VERSION)));
		equal(1, bundle.getTotal());
		return (ActivityDefinition) bundle.getEntryFirstRep().getResource();
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		var helper = api.getProcessAuthorizationHelper();

		checks.add("uploadedActivityDefinitionIsValid",
				() -> isTrue(helper.isValid(uploaded(), p -> true, c -> true, i -> true, c -> true),
						"the plugin's ActivityDefinition to be valid"))
				.add("requestersOfStartMessage", () ->
				{
					List<Requester> requesters = helper.getRequesters(uploaded(), ConformanceNetwork.PROCESS_URL,
							VERSION, ConformanceNetwork.START_MESSAGE, PROFILE).toList();
					equal(1, requesters.size());
					isTrue(requesters.get(0).requesterMatches(Requester.localAll().toRequesterExtension()),
							"requester LOCAL_ALL");
				}).add("recipientsOfStartMessage", () ->
				{
					List<Recipient> recipients = helper.getRecipients(uploaded(), ConformanceNetwork.PROCESS_URL,
							VERSION, ConformanceNetwork.START_MESSAGE, PROFILE).toList();
					equal(1, recipients.size());
					isTrue(recipients.get(0).recipientMatches(Recipient.localAll().toRecipientExtension()),
							"recipient LOCAL_ALL");
				}).add("noRequestersForOtherMessageOrProfile", () ->
				{
					equal(0L, helper.getRequesters(uploaded(), ConformanceNetwork.PROCESS_URL, VERSION, "other",
							PROFILE).count());
					equal(0L, helper.getRequesters(uploaded(), ConformanceNetwork.PROCESS_URL, VERSION,
							ConformanceNetwork.START_MESSAGE, "http://example.org/other|1.0").count());
				}).add("addAndReadBack", () ->
				{
					ActivityDefinition built = new ActivityDefinition().setUrl(ConformanceNetwork.PROCESS_URL)
							.setVersion(VERSION);
					helper.add(built, "ping", "http://example.org/task-ping|1.0",
							Requester.remoteRole(ConformanceNetwork.PARENT, ConformanceNetwork.ROLE_SYSTEM, "TTP"),
							Recipient.localRole(ConformanceNetwork.PARENT, ConformanceNetwork.ROLE_SYSTEM, "DIC"));
					List<Requester> requesters = helper.getRequesters(built, ConformanceNetwork.PROCESS_URL, VERSION,
							"ping", "http://example.org/task-ping|1.0").toList();
					equal(1, requesters.size());
					isTrue(requesters.get(0).requesterMatches(Requester
							.remoteRole(ConformanceNetwork.PARENT, ConformanceNetwork.ROLE_SYSTEM, "TTP")
							.toRequesterExtension()), "requester REMOTE_ROLE TTP");
					isTrue(!requesters.get(0).requesterMatches(Requester.remoteAll().toRequesterExtension()),
							"requester not REMOTE_ALL");
					isTrue(helper.isValid(built, p -> true, c -> true, i -> true, c -> true),
							"the built ActivityDefinition to be valid");
				});
	}
}
