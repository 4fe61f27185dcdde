package org.dsftestbed.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.dsftestbed.fhir.context.FhirContexts;
import org.hl7.fhir.common.hapi.validation.support.CachingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;

class ReusingInstanceValidatorTest
{
	private static final String PROFILE = "http://example.org/fhir/StructureDefinition/patient-with-birth-date";
	private static final String PATIENT_CLAIMING_PROFILE = """
			{"resourceType":"Patient","meta":{"profile":["%s"]},"gender":"%s"}""";

	private final FhirContext context = FhirContexts.r4();

	private static StructureDefinition birthDateProfile(int min)
	{
		StructureDefinition profile = new StructureDefinition();
		profile.setUrl(PROFILE).setVersion("1.0").setName("PatientWithBirthDate")
				.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE)
				.setFhirVersion(FHIRVersion._4_0_1).setKind(StructureDefinitionKind.RESOURCE).setAbstract(false)
				.setType("Patient").setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Patient")
				.setDerivation(TypeDerivationRule.CONSTRAINT);
		profile.getDifferential().addElement().setPath("Patient.birthDate").setMin(min).setId("Patient.birthDate");
		return profile;
	}

	private static List<String> errors(FhirValidator validator, String json)
	{
		return validator.validateWithResult(json).getMessages().stream()
				.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
				.map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
	}

	@Test
	void findsWhatHapisOwnValidatorFindsAgainAndAgain()
	{
		PrePopulatedValidationSupport profiles = new PrePopulatedValidationSupport(context);
		profiles.addStructureDefinition(birthDateProfile(1));
		CachingValidationSupport support = ValidationChains.cached(context, profiles);
		FhirValidator hapi = context.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
		FhirValidator reusing = ValidationChains.validator(context, new ReusingInstanceValidator(support));
		String invalid = PATIENT_CLAIMING_PROFILE.formatted(PROFILE, "bogus"); // no birthDate, gender not in its ValueSet

		List<String> expected = errors(hapi, invalid);

		assertThat(expected).anyMatch(e -> e.contains("birthDate")).anyMatch(e -> e.contains("bogus"));
		for (int i = 0; i < 3; i++) // later rounds use the converted ValueSet and the cached context
			assertThat(errors(reusing, invalid)).isEqualTo(expected);
		String valid = """
				{"resourceType":"Patient","meta":{"profile":["%s"]},"gender":"male","birthDate":"1970-01-01"}"""
				.formatted(PROFILE);
		assertThat(errors(hapi, valid)).isEmpty();
		assertThat(errors(reusing, valid)).isEmpty();
	}

	@Test
	void aChangedProfileCountsOnceTheCachesAreInvalidated()
	{
		PrePopulatedValidationSupport profiles = new PrePopulatedValidationSupport(context);
		profiles.addStructureDefinition(birthDateProfile(1));
		CachingValidationSupport support = ValidationChains.cached(context, profiles);
		ReusingInstanceValidator instanceValidator = new ReusingInstanceValidator(support);
		FhirValidator validator = ValidationChains.validator(context, instanceValidator);
		String withoutBirthDate = PATIENT_CLAIMING_PROFILE.formatted(PROFILE, "male");
		assertThat(errors(validator, withoutBirthDate)).anyMatch(e -> e.contains("birthDate"));

		profiles.addStructureDefinition(birthDateProfile(0)); // same url: replaces the profile
		support.invalidateCaches();
		instanceValidator.invalidateCaches();

		assertThat(errors(validator, withoutBirthDate)).isEmpty();
	}
}
