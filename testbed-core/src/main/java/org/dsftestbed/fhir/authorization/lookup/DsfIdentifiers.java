package org.dsftestbed.fhir.authorization.lookup;

import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Identifier;

/** The DSF naming systems the authorization rules look at, and how to read their values. */
public final class DsfIdentifiers
{
	public static final String ORGANIZATION = "http://dsf.dev/sid/organization-identifier";
	public static final String ENDPOINT = "http://dsf.dev/sid/endpoint-identifier";
	public static final String TASK = "http://dsf.dev/sid/task-identifier";

	private DsfIdentifiers()
	{
	}

	/** Values of the identifiers with this system that have a value, in order. */
	public static List<String> valuesOf(List<Identifier> identifiers, String system)
	{
		return identifiers.stream().filter(i -> system.equals(i.getSystem())).filter(Identifier::hasValue)
				.map(Identifier::getValue).toList();
	}

	/** The first value of an identifier with this system. */
	public static Optional<String> valueOf(List<Identifier> identifiers, String system)
	{
		return valuesOf(identifiers, system).stream().findFirst();
	}

	/** Whether the identifier is a DSF organization identifier with a value. */
	public static boolean isOrganizationIdentifier(Identifier identifier)
	{
		return identifier != null && ORGANIZATION.equals(identifier.getSystem()) && identifier.hasValue()
				&& !identifier.getValue().isBlank();
	}
}
