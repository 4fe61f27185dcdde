package org.dsftestbed.bpe.runtime;

import java.io.Serializable;
import java.util.Objects;

import dev.dsf.bpe.v1.variables.Target;

/** DSF's Target: where one message goes. Created only through {@link ExecutionVariables#createTarget}. */
public record TargetValue(String organizationIdentifierValue, String endpointIdentifierValue, String endpointUrl,
		String correlationKey) implements Target, Serializable
{
	public TargetValue
	{
		Objects.requireNonNull(organizationIdentifierValue, "organizationIdentifierValue");
		Objects.requireNonNull(endpointIdentifierValue, "endpointIdentifierValue");
		Objects.requireNonNull(endpointUrl, "endpointUrl");
	}

	@Override
	public String getOrganizationIdentifierValue()
	{
		return organizationIdentifierValue;
	}

	@Override
	public String getEndpointIdentifierValue()
	{
		return endpointIdentifierValue;
	}

	@Override
	public String getEndpointUrl()
	{
		return endpointUrl;
	}

	@Override
	public String getCorrelationKey()
	{
		return correlationKey;
	}
}
