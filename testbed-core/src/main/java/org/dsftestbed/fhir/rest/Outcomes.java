package org.dsftestbed.fhir.rest;

import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** OperationOutcomes as the DSF server sends them: one issue per problem, the text in diagnostics. */
public final class Outcomes
{
	private Outcomes()
	{
	}

	public static OperationOutcome error(IssueType type, String diagnostics)
	{
		return of(IssueSeverity.ERROR, type, diagnostics);
	}

	public static OperationOutcome information(IssueType type, String diagnostics)
	{
		return of(IssueSeverity.INFORMATION, type, diagnostics);
	}

	public static OperationOutcome of(IssueSeverity severity, IssueType type, String diagnostics)
	{
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(severity).setCode(type).setDiagnostics(diagnostics);
		return outcome;
	}

	/** The diagnostics of all issues, for exception messages and logs. */
	public static String text(OperationOutcome outcome)
	{
		return outcome.getIssue().stream().map(i -> i.getDiagnostics() != null ? i.getDiagnostics() : i.getCode().toCode())
				.collect(Collectors.joining("; "));
	}
}
