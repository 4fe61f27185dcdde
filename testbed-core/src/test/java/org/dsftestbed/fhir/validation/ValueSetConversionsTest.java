package org.dsftestbed.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.common.hapi.validation.validator.VersionTypeConverterR4;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.ValueSet;
import org.junit.jupiter.api.Test;

class ValueSetConversionsTest
{
	private final ValueSetConversions conversions = new ValueSetConversions(new VersionTypeConverterR4());

	private static ValueSet valueSet(String url)
	{
		ValueSet valueSet = new ValueSet().setUrl(url).setVersion("1.0");
		valueSet.getCompose().addInclude().setSystem("http://example.org/cs").addConcept().setCode("a");
		return valueSet;
	}

	@Test
	void aValueSetInstanceIsConvertedOnceAndLikeTheWrappedConverterDoes()
	{
		ValueSet r5 = valueSet("http://example.org/vs");

		IBaseResource first = conversions.fromCanonical(r5);
		IBaseResource second = conversions.fromCanonical(r5);

		assertThat(second).isSameAs(first);
		org.hl7.fhir.r4.model.ValueSet expected = (org.hl7.fhir.r4.model.ValueSet) new VersionTypeConverterR4()
				.fromCanonical(r5);
		assertThat(((org.hl7.fhir.r4.model.ValueSet) first).equalsDeep(expected)).isTrue();
		assertThat(((org.hl7.fhir.r4.model.ValueSet) first).getUrl()).isEqualTo("http://example.org/vs");
	}

	@Test
	void anotherInstanceWithTheSameContentIsConvertedAgain()
	{
		// instances, not contents, are the key: a ValueSet the worker context fetched again may have changed
		IBaseResource first = conversions.fromCanonical(valueSet("http://example.org/vs"));
		IBaseResource other = conversions.fromCanonical(valueSet("http://example.org/vs"));

		assertThat(other).isNotSameAs(first);
	}

	@Test
	void otherResourcesAreConvertedEveryTime()
	{
		CodeSystem codeSystem = new CodeSystem().setUrl("http://example.org/cs");

		IBaseResource first = conversions.fromCanonical(codeSystem);
		IBaseResource second = conversions.fromCanonical(codeSystem);

		assertThat(second).isNotSameAs(first);
		assertThat(((org.hl7.fhir.r4.model.CodeSystem) second).getUrl()).isEqualTo("http://example.org/cs");
	}

	@Test
	void toCanonicalIsTheWrappedConverters()
	{
		var r4 = new org.hl7.fhir.r4.model.ValueSet().setUrl("http://example.org/vs");

		assertThat(conversions.toCanonical(r4)).isInstanceOf(ValueSet.class)
				.extracting(r -> ((ValueSet) r).getUrl()).isEqualTo("http://example.org/vs");
	}
}
