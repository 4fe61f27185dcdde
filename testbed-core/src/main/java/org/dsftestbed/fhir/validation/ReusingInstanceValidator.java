package org.dsftestbed.fhir.validation;

import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.VersionSpecificWorkerContextWrapper;
import org.hl7.fhir.common.hapi.validation.validator.VersionTypeConverterR4;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;

/**
 * HAPI 5.1's instance validator for FHIR R4 (the only version DSF uses) with a worker context that converts each
 * cached ValueSet back to R4 once ({@link ValueSetConversions}). {@link #invalidateCaches()} empties the worker
 * context's cache of converted StructureDefinitions and ValueSets, which otherwise live up to 10 s: a profile changed
 * by a plugin deployment would be validated against its old version meanwhile. Like HAPI's own invalidation it keeps
 * the context's list of all StructureDefinitions: converting about 700 of them again after every conformance write
 * made a network's boot visibly slower, and the validator uses that list only for the base types. Validation itself
 * is HAPI's, unchanged.
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

	/** The next validation fetches and converts StructureDefinitions, CodeSystems and ValueSets afresh. */
	@Override
	public void invalidateCaches()
	{
		VersionSpecificWorkerContextWrapper current = workerContext;
		if (current != null)
			current.invalidateCaches();
	}
}
