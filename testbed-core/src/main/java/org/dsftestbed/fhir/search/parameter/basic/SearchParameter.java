package org.dsftestbed.fhir.search.parameter.basic;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.hl7.fhir.r4.model.Resource;

/**
 * One search parameter of one resource type, as the DSF 1.9.0 FHIR server supports it: which names and modifiers it
 * accepts, how it parses a value into a {@link Criterion}, what {@code _sort} orders by, and which {@code _include}
 * values it offers.
 * <p>
 * Example: {@code new TaskStatus().parse("status:not", "completed", zone, problems)} gives a criterion selecting Tasks
 * whose status is present and not {@code completed}.
 */
public interface SearchParameter
{
	/** The resource type this parameter belongs to, e.g. {@code "Task"}. */
	String resourceType();

	/** The plain name, e.g. {@code "status"}. */
	String name();

	/** Modifiers accepted after the name, e.g. {@code ":not"}; any other {@code name:x} is an unsupported parameter. */
	List<String> modifiers();

	/**
	 * @param queryParameterName
	 *            the name as requested: {@link #name()} or name plus one of {@link #modifiers()}
	 * @param value
	 *            not blank
	 * @param serverTimeZone
	 *            the zone date values without offset are read in
	 * @param problems
	 *            receives a problem when the value cannot be used
	 * @return empty when the value is unusable (a problem was added) or, as in DSF, silently ignored
	 */
	Optional<Criterion> parse(String queryParameterName, String value, ZoneId serverTimeZone,
			List<ParameterProblem> problems);

	/**
	 * What {@code _sort} orders by: a {@link Comparable} of one class per parameter, or {@code null} where DSF's SQL
	 * yields NULL (sorted last ascending, first descending).
	 */
	Comparable<?> sortValue(Resource resource);

	/** DSF's reference parameters leave the direction out of their ORDER BY, so {@code -param} sorts ascending. */
	default boolean sortIgnoresDirection()
	{
		return false;
	}

	/** The {@code _include} targets this parameter offers, e.g. {@code Endpoint:organization}. */
	default List<Inclusion> includes()
	{
		return List.of();
	}
}
