package org.dsftestbed.bpe.runtime;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.dsf.bpe.v1.variables.Target;

/**
 * DSF's Target: where one message goes. Created through {@link ExecutionVariables#createTarget} (which requires the
 * first three values) or read from a variable. Stored as JSON like DSF's {@code TargetImpl}:
 * {@code {"organizationIdentifierValue":..,"endpointIdentifierValue":..,"endpointUrl":..,"correlationKey":..}}, empty
 * values left out; older DSF versions' names {@code targetOrganizationIdentifierValue} and {@code targetEndpointUrl}
 * are read too.
 */
public record TargetValue(String organizationIdentifierValue, String endpointIdentifierValue, String endpointUrl,
		String correlationKey) implements Target
{
	@JsonCreator
	public TargetValue(
			@JsonProperty("organizationIdentifierValue") @JsonAlias("targetOrganizationIdentifierValue") String organizationIdentifierValue,
			@JsonProperty("endpointIdentifierValue") String endpointIdentifierValue,
			@JsonProperty("endpointUrl") @JsonAlias("targetEndpointUrl") String endpointUrl,
			@JsonProperty("correlationKey") String correlationKey)
	{
		this.organizationIdentifierValue = organizationIdentifierValue;
		this.endpointIdentifierValue = endpointIdentifierValue;
		this.endpointUrl = endpointUrl;
		this.correlationKey = correlationKey;
	}

	@Override
	@JsonProperty("organizationIdentifierValue")
	public String getOrganizationIdentifierValue()
	{
		return organizationIdentifierValue;
	}

	@Override
	@JsonProperty("endpointIdentifierValue")
	public String getEndpointIdentifierValue()
	{
		return endpointIdentifierValue;
	}

	@Override
	@JsonProperty("endpointUrl")
	public String getEndpointUrl()
	{
		return endpointUrl;
	}

	@Override
	@JsonProperty("correlationKey")
	public String getCorrelationKey()
	{
		return correlationKey;
	}
}
