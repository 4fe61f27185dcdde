package org.dsftestbed.fhir.validation;

import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.rest.ResourceValidator;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.common.hapi.validation.support.CachingValidationSupport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

/**
 * A server's profile validation: resources are validated against their {@code meta.profile} claims with the
 * conformance resources the server stores; errors and fatals refuse the request (DSF answers 403). Slicing errors
 * on {@code Questionnaire(Response).item:@default} are only warnings, as DSF relaxes them.
 */
public final class StoreProfileValidator implements ResourceValidator
{
	private static final List<String> CONFORMANCE_TYPES = List.of("StructureDefinition", "CodeSystem", "ValueSet");

	private final ResourceStore store;
	private final CachingValidationSupport support;
	private final ReusingInstanceValidator instanceValidator;
	private final FhirValidator validator;
	private volatile long conformanceWrites;
	private final FhirContext context;

	public StoreProfileValidator(FhirContext context, ResourceStore store)
	{
		this.store = store;
		support = ValidationChains.cached(context, new StoredConformanceResources(context, store));
		instanceValidator = new ReusingInstanceValidator(support);
		validator = ValidationChains.validator(context, instanceValidator);
		this.context = context;
	}

	@Override
	public Optional<OperationOutcome> errors(Resource resource)
	{
		// profiles, code systems or value sets changed (e.g. a plugin was deployed): forget what the cache knows
		long writes = CONFORMANCE_TYPES.stream().mapToLong(store::writeCount).sum();
		if (writes != conformanceWrites)
		{
			support.invalidateCaches();
			instanceValidator.invalidateCaches();
			conformanceWrites = writes;
		}
		// as JSON text: HAPI would otherwise encode the resource as XML and parse that again, which costs twice as much
		ValidationResult result = validator.validateWithResult(context.newJsonParser().encodeResourceToString(resource));
		List<SingleValidationMessage> errors = result.getMessages().stream().filter(StoreProfileValidator::isError)
				.toList();
		if (errors.isEmpty())
			return Optional.empty();
		OperationOutcome outcome = new OperationOutcome();
		for (SingleValidationMessage message : errors)
			outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.PROCESSING)
					.setDiagnostics(message.getMessage()).addLocation(message.getLocationString());
		return Optional.of(outcome);
	}

	private static boolean isError(SingleValidationMessage message)
	{
		if (message.getSeverity() != ResultSeverityEnum.ERROR && message.getSeverity() != ResultSeverityEnum.FATAL)
			return false;
		String location = message.getLocationString() == null ? "" : message.getLocationString();
		boolean defaultSlice = message.getMessage() != null && message.getMessage().contains("item:@default");
		return !(defaultSlice && (location.startsWith("Questionnaire") || location.startsWith("QuestionnaireResponse")));
	}
}
