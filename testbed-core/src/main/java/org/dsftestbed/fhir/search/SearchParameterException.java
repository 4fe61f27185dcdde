package org.dsftestbed.fhir.search;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import java.util.List;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A search with unsupported or unusable parameters under {@code Prefer: handling=strict}. DSF answers 400 with an
 * OperationOutcome (severity error, code processing) listing the problems.
 */
public final class SearchParameterException extends RuntimeException
{
	private static final long serialVersionUID = 1L;

	public static final int STATUS = 400;

	private final List<ParameterProblem> problems;

	public SearchParameterException(List<ParameterProblem> problems)
	{
		super(ParameterProblem.describe(problems));
		this.problems = List.copyOf(problems);
	}

	/** The HTTP status to answer with: 400. */
	public int status()
	{
		return STATUS;
	}

	public List<ParameterProblem> problems()
	{
		return problems;
	}

	public OperationOutcome toOperationOutcome()
	{
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.PROCESSING).setDiagnostics(getMessage());
		return outcome;
	}
}
