package org.dsftestbed.fhir.validation;

import org.hl7.fhir.common.hapi.validation.support.CachingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;

/**
 * Builds HAPI 5.1.0 validators the way DSF's server does: FHIR R4 base definitions, then the given conformance
 * resources (DSF's and the plugins'), in-memory terminology, common code systems, and snapshot generation for
 * differential-only profiles. The R4 base definitions are loaded once per JVM and shared (they take seconds and
 * hundreds of megabytes to load).
 */
public final class ValidationChains
{
	private static final class Base
	{
		static final DefaultProfileValidationSupport R4 = load();

		private static DefaultProfileValidationSupport load()
		{
			DefaultProfileValidationSupport support = new DefaultProfileValidationSupport(
					org.dsftestbed.fhir.context.FhirContexts.r4());
			support.fetchAllStructureDefinitions(); // load now, not racing on first use
			support.fetchCodeSystem("http://hl7.org/fhir/administrative-gender");
			return support;
		}
	}

	private ValidationChains()
	{
	}

	public static FhirValidator validator(FhirContext context, IValidationSupport conformanceResources)
	{
		return validator(context, cached(context, conformanceResources));
	}

	/**
	 * The support chain behind a cache of fetches, code validations and value set expansions: without it HAPI 5.1
	 * expands value sets and converts code systems again for every resource it validates.
	 */
	static CachingValidationSupport cached(FhirContext context, IValidationSupport conformanceResources)
	{
		return new CachingValidationSupport(new ValidationSupportChain(Base.R4, conformanceResources,
				new InMemoryTerminologyServerValidationSupport(context), new CommonCodeSystemsTerminologyService(context),
				new SnapshotGeneratingValidationSupport(context)));
	}

	static FhirValidator validator(FhirContext context, CachingValidationSupport support)
	{
		return validator(context, new ReusingInstanceValidator(support));
	}

	static FhirValidator validator(FhirContext context, ReusingInstanceValidator instanceValidator)
	{
		return context.newValidator().registerValidatorModule(instanceValidator);
	}
}
