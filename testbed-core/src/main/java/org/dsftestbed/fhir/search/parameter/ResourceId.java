package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.AbstractSearchParameter;
import org.hl7.fhir.r4.model.Resource;

/** {@code _id}, every type: DSF ids are UUIDs, so a value that is no UUID is a problem, not an empty result. */
public final class ResourceId<R extends Resource> extends AbstractSearchParameter<R>
{
	public ResourceId(Class<R> type)
	{
		super(type, "_id", List.of());
	}

	@Override
	protected Optional<Criterion> parseValue(String modifier, String value, ZoneId serverTimeZone,
			List<ParameterProblem> problems)
	{
		try
		{
			// PostgreSQL compares uuid values, so upper-case hex digits match too
			String id = UUID.fromString(value).toString();
			return Optional.of(criterion(name, id, resource -> id.equals(resource.getIdElement().getIdPart())));
		}
		catch (IllegalArgumentException e)
		{
			problems.add(ParameterProblem.unparsableValue(name, value, e.getMessage()));
			return Optional.empty();
		}
	}

	/** The uuid column's order equals the order of the lower-case text form. */
	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		return resource.getIdElement().getIdPart();
	}
}
