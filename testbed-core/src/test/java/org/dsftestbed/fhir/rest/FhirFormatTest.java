package org.dsftestbed.fhir.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FhirFormatTest
{
	@Test
	void xmlIsTheDefaultAsInDsf()
	{
		assertThat(FhirFormat.forResponse(null, null)).isEqualTo(FhirFormat.XML);
		assertThat(FhirFormat.forResponse(null, "*/*")).isEqualTo(FhirFormat.XML);
	}

	@Test
	void formatParameterWinsOverAccept()
	{
		assertThat(FhirFormat.forResponse("json", "application/fhir+xml")).isEqualTo(FhirFormat.JSON);
		assertThat(FhirFormat.forResponse("application/fhir xml", null)).isEqualTo(FhirFormat.XML);
	}

	@Test
	void acceptPicksTheFirstSupportedType()
	{
		assertThat(FhirFormat.forResponse(null, "text/html, application/fhir+json;q=0.9")).isEqualTo(FhirFormat.JSON);
		assertThat(FhirFormat.forResponse(null, "application/json")).isEqualTo(FhirFormat.JSON);
	}

	@Test
	void unsupportedFormatParameterIs415AndUnsupportedAcceptIs406()
	{
		assertThatThrownBy(() -> FhirFormat.forResponse("yaml", null)).isInstanceOfSatisfying(FhirException.class,
				e -> assertThat(e.status()).isEqualTo(415));
		assertThatThrownBy(() -> FhirFormat.forResponse(null, "text/plain")).isInstanceOfSatisfying(FhirException.class,
				e -> assertThat(e.status()).isEqualTo(406));
	}

	@Test
	void queryStringKeepsPlusSignsAndOrder()
	{
		assertThat(QueryString.parse("payload=application/fhir+json&a=1&a=2&criteria=Task%3Fstatus%3Drequested"))
				.containsExactly(java.util.Map.entry("payload", java.util.List.of("application/fhir+json")),
						java.util.Map.entry("a", java.util.List.of("1", "2")),
						java.util.Map.entry("criteria", java.util.List.of("Task?status=requested")));
	}
}
