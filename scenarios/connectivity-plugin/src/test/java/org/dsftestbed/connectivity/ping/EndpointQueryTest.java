package org.dsftestbed.connectivity.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class EndpointQueryTest
{
	@Test
	void anEndpointSearchKeepsItsDecodedParametersAndOnlyActiveEndpointsByDefault()
	{
		EndpointQuery query = EndpointQuery
				.parse("Endpoint?identifier=http%3A%2F%2Fdsf.dev%2Fsid%2Fendpoint-identifier%7Cdic2&name=a&name=b");
		assertThat(query.parameters()).containsEntry("identifier",
				List.of("http://dsf.dev/sid/endpoint-identifier|dic2")).containsEntry("name", List.of("a", "b"))
				.containsEntry("status", List.of("active"));
		assertThat(query.page(3)).containsEntry("_page", List.of("3"))
				.containsEntry("_include", List.of("Endpoint:organization"));
		assertThat(EndpointQuery.parse("https://dic1/fhir/Endpoint?status=off").parameters()).containsEntry("status",
				List.of("off"));
	}

	@Test
	void anythingButAnEndpointSearchIsNamedInTheMessage()
	{
		assertThatThrownBy(() -> EndpointQuery.parse("Organization?identifier=x"))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target-endpoints")
				.hasMessageContaining("'Organization?identifier=x'").hasMessageContaining("Endpoint?");
		assertThatThrownBy(() -> EndpointQuery.parse("Endpoint?identifier")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("'identifier'");
	}
}
