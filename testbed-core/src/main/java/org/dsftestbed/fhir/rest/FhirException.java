package org.dsftestbed.fhir.rest;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A request the server answers with an error status and an OperationOutcome that says why. Thrown anywhere below
 * the servlet; the server keeps serving.
 */
public class FhirException extends RuntimeException
{
	private static final long serialVersionUID = 1L;

	private final int status;
	private final transient OperationOutcome outcome;

	public FhirException(int status, IssueType type, String message)
	{
		this(status, Outcomes.error(type, message));
	}

	public FhirException(int status, OperationOutcome outcome)
	{
		super(Outcomes.text(outcome));
		this.status = status;
		this.outcome = outcome;
	}

	public int status()
	{
		return status;
	}

	public OperationOutcome outcome()
	{
		return outcome;
	}

	public static FhirException badRequest(String message)
	{
		return new FhirException(400, IssueType.INVALID, message);
	}

	public static FhirException forbidden(String message)
	{
		return new FhirException(403, IssueType.FORBIDDEN, message);
	}

	public static FhirException notFound(String message)
	{
		return new FhirException(404, IssueType.NOTFOUND, message);
	}
}
