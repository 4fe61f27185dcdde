package org.dsftestbed.fhir.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

/**
 * Validates resources with the HAPI FHIR 5.1.0 instance validator (as DSF 1.9.0 does) against the FHIR R4 base and
 * DSF's base profiles, CodeSystems and ValueSets, loaded from the {@code fhir/bundle.xml} that
 * {@code dev.dsf:dsf-fhir-validation:1.9.0} ships.
 *
 * <pre>{@code
 * DsfProfileValidator validator = new DsfProfileValidator(FhirContext.forR4());
 * List<SingleValidationMessage> errors = validator.errors(organization);
 * }</pre>
 */
public final class DsfProfileValidator
{
	public static final String DSF_BASE_BUNDLE = "fhir/bundle.xml";

	private final FhirValidator validator;

	public DsfProfileValidator(FhirContext context)
	{
		CanonicalResources dsf = new CanonicalResources(context);
		dsfBaseResources(context).forEach(dsf::add);
		validator = ValidationChains.validator(context, dsf);
	}

	/** The resources of DSF's base bundle (StructureDefinitions, CodeSystems, ValueSets, NamingSystems, Subscriptions). */
	public static List<Resource> dsfBaseResources(FhirContext context)
	{
		try (InputStream in = DsfProfileValidator.class.getClassLoader().getResourceAsStream(DSF_BASE_BUNDLE))
		{
			if (in == null)
				throw new IllegalStateException(DSF_BASE_BUNDLE + " not on the classpath (dev.dsf:dsf-fhir-validation missing)");
			Bundle bundle = context.newXmlParser().parseResource(Bundle.class, in);
			return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
					.filter(java.util.Objects::nonNull).toList();
		}
		catch (IOException e)
		{
			throw new UncheckedIOException(e);
		}
	}

	public ValidationResult validate(IBaseResource resource)
	{
		return validator.validateWithResult(resource);
	}

	/** Messages of severity error or fatal. */
	public List<SingleValidationMessage> errors(IBaseResource resource)
	{
		return validate(resource).getMessages().stream()
				.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
				.toList();
	}
}
