package org.dsftestbed.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.matches;

import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** URI parameters: {@code url} with version and {@code :below}, {@code address}, {@code _profile}. */
class UriParameterTest
{
	static final String PING = "http://dsf.dev/bpe/Process/ping";
	static final String TASK_PROFILE = "http://dsf.dev/fhir/StructureDefinition/task-start-ping";

	final SearchFixture fixture = new SearchFixture();

	@Test
	void urlWithAndWithoutVersion()
	{
		ActivityDefinition v1 = fixture.create(new ActivityDefinition().setUrl(PING).setVersion("1.0"));
		ActivityDefinition v2 = fixture.create(new ActivityDefinition().setUrl(PING).setVersion("2.0"));
		fixture.create(new ActivityDefinition().setUrl(PING + "-pong").setVersion("1.0"));

		assertThat(matches(fixture.search("ActivityDefinition", "url=" + PING))).containsExactlyInAnyOrder(id(v1),
				id(v2));
		assertThat(matches(fixture.search("ActivityDefinition", "url=" + PING + "|2.0"))).containsExactly(id(v2));
		assertThat(fixture.search("ActivityDefinition", "url:below=" + PING).total()).isEqualTo(3);
		assertThat(fixture.search("ActivityDefinition", "url:below=" + PING + "|1.0").total()).isEqualTo(2);
	}

	@Test
	void questionnaireByUrlAndVersionAsTheUserTaskListenerAsks()
	{
		Questionnaire questionnaire = fixture.create(new Questionnaire().setUrl("http://dsf.dev/fhir/Questionnaire/hello")
				.setVersion("1.5").setStatus(PublicationStatus.ACTIVE));

		assertThat(matches(fixture.search("Questionnaire", "url=http://dsf.dev/fhir/Questionnaire/hello|1.5")))
				.containsExactly(id(questionnaire));
	}

	@Test
	void valueWithTwoBarsIsIgnoredSilently()
	{
		fixture.create(new ActivityDefinition().setUrl(PING));

		SearchResult result = fixture.search("ActivityDefinition", "url=" + PING + "|1|2");

		assertThat(result.problems()).isEmpty();
		assertThat(result.total()).isEqualTo(1);
	}

	@Test
	void addressExactAndBelow()
	{
		Endpoint endpoint = fixture.create(new Endpoint().setAddress(SearchFixture.BASE));
		fixture.create(new Endpoint().setAddress("https://dic2.dsf.test/fhir"));

		assertThat(matches(fixture.search("Endpoint", "address=" + SearchFixture.BASE))).containsExactly(id(endpoint));
		assertThat(fixture.search("Endpoint", "address=https://dic1.dsf.test").total()).isZero();
		assertThat(fixture.search("Endpoint", "address:below=https://dic").total()).isEqualTo(2);
	}

	@Test
	void profileForms()
	{
		Task versioned = task(TASK_PROFILE + "|1.0");
		Task unversioned = task(TASK_PROFILE);
		fixture.create(new Task().setStatus(Task.TaskStatus.DRAFT));

		assertThat(matches(fixture.search("Task", "_profile=" + TASK_PROFILE + "|1.0"))).containsExactly(id(versioned));
		// a bare url finds versioned claims too
		assertThat(matches(fixture.search("Task", "_profile=" + TASK_PROFILE)))
				.containsExactlyInAnyOrder(id(versioned), id(unversioned));
		assertThat(matches(fixture.search("Task", "_profile:below=http://dsf.dev/fhir/StructureDefinition/task-")))
				.containsExactlyInAnyOrder(id(versioned), id(unversioned));
		assertThat(matches(fixture.search("Task", "_profile:below=http://dsf.dev/fhir/StructureDefinition/task-|1.0")))
				.containsExactly(id(versioned));
	}

	private Task task(String profile)
	{
		Task task = new Task().setStatus(Task.TaskStatus.DRAFT);
		task.getMeta().addProfile(profile);
		return fixture.create(task);
	}
}
