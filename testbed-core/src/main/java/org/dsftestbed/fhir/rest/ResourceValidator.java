package org.dsftestbed.fhir.rest;

import java.util.Optional;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/** Profile validation of resources before they are stored. */
public interface ResourceValidator
{
	/** The errors of {@code resource} as an OperationOutcome, or empty when it is valid. */
	Optional<OperationOutcome> errors(Resource resource);

	/** Validates nothing; for servers configured without validation. */
	ResourceValidator NONE = resource -> Optional.empty();
}
