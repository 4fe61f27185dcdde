package org.dsftestbed.network;

import java.util.Objects;

/**
 * A parent organization (consortium) such as {@code medizininformatik-initiative.de}. It has no certificate and no
 * endpoint; members take part in it through roles (DSF OrganizationAffiliation).
 */
public record ParentOrganization(String identifier, String name)
{
	public ParentOrganization
	{
		Objects.requireNonNull(identifier, "identifier");
	}
}
