package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.matches;
import static org.dsftestbed.fhir.search.SearchFixture.outcomeDiagnostics;

import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Token parameters on one code element: status, version, payload. */
class CodeParameterTest
{
	final SearchFixture fixture = new SearchFixture();

	final Task requested = fixture.create(new Task().setStatus(Task.TaskStatus.REQUESTED));
	final Task completed = fixture.create(new Task().setStatus(Task.TaskStatus.COMPLETED));

	@Test
	void codeMatches()
	{
		assertThat(matches(fixture.search("Task", "status=requested"))).containsExactly(id(requested));
	}

	@Test
	void notMatchesOtherCodes()
	{
		assertThat(matches(fixture.search("Task", "status:not=requested"))).containsExactly(id(completed));
	}

	@Test
	void unknownCodeIsAProblemAndTheParameterIsIgnored()
	{
		SearchResult result = fixture.search("Task", "status=bogus");

		assertThat(matches(result)).containsExactlyInAnyOrder(id(requested), id(completed));
		assertThat(result.problems()).singleElement().satisfies(p ->
		{
			assertThat(p.kind()).isEqualTo(ParameterProblem.Kind.UNPARSABLE_VALUE);
			assertThat(p.parameter()).isEqualTo("status");
			assertThat(p.value()).isEqualTo("bogus");
		});
		assertThat(outcomeDiagnostics(result)).contains("'status'", "bogus");
	}

	@Test
	void systemFormsAreIgnoredSilentlyForStatus()
	{
		SearchResult result = fixture.search("Task", "status=http://hl7.org/fhir/task-status|requested");

		assertThat(result.problems()).isEmpty();
		assertThat(matches(result)).hasSize(2);
	}

	@Test
	void commaIsNoOrInDsf()
	{
		// DSF 1.9.0 hands the whole value to the parameter: an unknown status code, ignored with a warning
		SearchResult result = fixture.search("Task", "status=requested,completed");

		assertThat(result.problems()).singleElement()
				.satisfies(p -> assertThat(p.value()).isEqualTo("requested,completed"));
	}

	@Test
	void repeatedParametersCombineWithAnd()
	{
		assertThat(matches(fixture.search("Task", "status=requested&status=completed"))).isEmpty();
		assertThat(matches(fixture.search("Task", "status=requested&status:not=completed")))
				.containsExactly(id(requested));
	}

	@Test
	void versionRefusesSystemForms()
	{
		fixture.create(new ActivityDefinition().setVersion("1.0").setStatus(PublicationStatus.ACTIVE));

		assertThat(fixture.search("ActivityDefinition", "version=1.0").total()).isEqualTo(1);
		assertThat(fixture.search("ActivityDefinition", "version=s|1.0").problems()).singleElement()
				.satisfies(p -> assertThat(p.parameter()).isEqualTo("version"));
	}

	@Test
	void payloadComparesTheMimeTypeText()
	{
		Subscription json = fixture.create(new Subscription().setChannel(
				new Subscription.SubscriptionChannelComponent().setPayload("application/fhir+json")));
		fixture.create(new Subscription()
				.setChannel(new Subscription.SubscriptionChannelComponent().setPayload("application/fhir+xml")));

		assertThat(matches(fixture.search("Subscription", "payload=application/fhir+json")))
				.containsExactly(id(json));
	}
}
