package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dsftestbed.fhir.search.SearchFixture.id;
import static org.dsftestbed.fhir.search.SearchFixture.matches;
import static org.dsftestbed.fhir.search.SearchFixture.outcomeDiagnostics;

import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Lenient handling lists parameter problems in an outcome entry; {@code Prefer: handling=strict} fails with 400. */
class HandlingTest
{
	final SearchFixture fixture = new SearchFixture();

	final Task requested = fixture.create(new Task().setStatus(Task.TaskStatus.REQUESTED));
	final Task draft = fixture.create(new Task().setStatus(Task.TaskStatus.DRAFT));

	@Test
	void lenientIgnoresAnUnknownParameterAndWarnsInALastOutcomeEntry()
	{
		SearchResult result = fixture.search("Task", "status=requested&foo=bar");

		assertThat(matches(result)).containsExactly(id(requested));
		BundleEntryComponent last = result.bundle().getEntry().get(result.bundle().getEntry().size() - 1);
		assertThat(last.getSearch().getMode()).isEqualTo(SearchEntryMode.OUTCOME);
		assertThat(last.getFullUrl()).isEqualTo(SearchFixture.BASE + "/");
		OperationOutcome outcome = (OperationOutcome) last.getResource();
		assertThat(outcome.getIssue()).singleElement().satisfies(issue ->
		{
			assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.WARNING);
			assertThat(issue.getCode()).isEqualTo(IssueType.PROCESSING);
			assertThat(issue.getDiagnostics()).contains("'foo'");
		});
		assertThat(result.total()).isEqualTo(1);
	}

	@Test
	void allProblemsInOneDiagnosticsText()
	{
		SearchResult result = fixture.search("Task", "foo=1&status=bogus&_sort=nope");

		assertThat(result.problems()).extracting(ParameterProblem::parameter).containsExactly("foo", "status",
				"_sort");
		assertThat(outcomeDiagnostics(result).split("; ")).hasSize(3);
	}

	@Test
	void strictFailsWith400NamingTheParameter()
	{
		assertThatThrownBy(() -> fixture.searchStrict("Task", "status=requested&foo=bar"))
				.isInstanceOfSatisfying(SearchParameterException.class, e ->
				{
					assertThat(e.status()).isEqualTo(400);
					assertThat(e.getMessage()).contains("'foo'");
					assertThat(e.problems()).extracting(ParameterProblem::kind)
							.containsExactly(ParameterProblem.Kind.UNSUPPORTED_PARAMETER);
					assertThat(e.toOperationOutcome().getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.ERROR);
					assertThat(e.toOperationOutcome().getIssueFirstRep().getCode()).isEqualTo(IssueType.PROCESSING);
				});
	}

	@Test
	void strictFailsOnAnUnusableValue()
	{
		assertThatThrownBy(() -> fixture.searchStrict("Task", "_id=42")).isInstanceOf(SearchParameterException.class)
				.hasMessageContaining("'_id'");
	}

	@Test
	void strictWithoutProblemsSearches()
	{
		SearchResult result = fixture.searchStrict("Task", "status=draft&_format=json&_pretty=true&_summary=data");

		assertThat(matches(result)).containsExactly(id(draft));
		assertThat(outcomeDiagnostics(result)).isNull();
	}

	@Test
	void blankValuesAreSkippedWithoutProblem()
	{
		SearchResult result = fixture.search("Task", "status=&identifier= ");

		assertThat(result.problems()).isEmpty();
		assertThat(result.total()).isEqualTo(2);
	}

	@Test
	void unknownModifierIsAnUnsupportedParameter()
	{
		assertThat(fixture.search("Task", "status:exact=requested").problems()).singleElement().satisfies(p ->
		{
			assertThat(p.kind()).isEqualTo(ParameterProblem.Kind.UNSUPPORTED_PARAMETER);
			assertThat(p.parameter()).isEqualTo("status:exact");
		});
	}

	@Test
	void resourceTypeWithoutSearchIsRefused()
	{
		assertThatThrownBy(() -> fixture.search("Observation", "")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("Observation");
		assertThat(fixture.engine.supportedResourceTypes()).contains("Task", "Endpoint", "Provenance")
				.hasSize(26);
	}
}
