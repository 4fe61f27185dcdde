package org.dsftestbed.fhir.validation;

import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.VersionSpecificWorkerContextWrapper;
import org.hl7.fhir.common.hapi.validation.validator.VersionTypeConverterR4;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;

/**
 * HAPI 5.1's instance validator for FHIR R4 (the only version DSF uses) with a worker context that converts each cached ValueSet back to R4 once
 * ({@link ValueSetConversions}) and that {@link #invalidateCaches()} replaces as a whole. HAPI's own invalidation only
 * empties the context's resource cache: its list of all StructureDefinitions stays as first read, and its converted
 * resources otherwise live up to 10 s, so a profile changed by a plugin deployment could be validated against its old
 * version for a while. Validation itself is HAPI's, unchanged.
 */
final class ReusingInstanceValidator extends FhirInstanceValidator
{
	private volatile VersionSpecificWorkerContextWrapper workerContext;

	ReusingInstanceValidator(IValidationSupport support)
	{
		super(support);
	}

	@Override
	protected VersionSpecificWorkerContextWrapper provideWorkerContext()
	{
		VersionSpecificWorkerContextWrapper current = workerContext;
		if (current == null)
		{
			current = new VersionSpecificWorkerContextWrapper(new ValidationSupportContext(getValidationSupport()),
					new ValueSetConversions(new VersionTypeConverterR4()));
			workerContext = current;
		}
		return current;
	}

	/** Forgets the worker context: the next validation reads StructureDefinitions and ValueSets afresh. */
	@Override
	public void invalidateCaches()
	{
		workerContext = null;
	}
}
