package org.dsftestbed.fhir.search.parameter.basic;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import org.dsftestbed.fhir.search.parameter.basic.SearchParameter;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Resource;

/** Common ground of the parameters: typed access to the resource and the split of a requested name into modifier. */
public abstract class AbstractSearchParameter<R extends Resource> implements SearchParameter
{
	protected final Class<R> type;
	protected final String name;
	private final List<String> modifiers;

	protected AbstractSearchParameter(Class<R> type, String name, List<String> modifiers)
	{
		this.type = type;
		this.name = name;
		this.modifiers = List.copyOf(modifiers);
	}

	@Override
	public final String resourceType()
	{
		return type.getSimpleName();
	}

	@Override
	public final String name()
	{
		return name;
	}

	@Override
	public final List<String> modifiers()
	{
		return modifiers;
	}

	@Override
	public final Optional<Criterion> parse(String queryParameterName, String value, ZoneId serverTimeZone,
			List<ParameterProblem> problems)
	{
		if (!queryParameterName.startsWith(name))
			throw new IllegalArgumentException(queryParameterName + " is not a name of parameter " + name);

		return parseValue(queryParameterName.substring(name.length()), value, serverTimeZone, problems);
	}

	/**
	 * @param modifier
	 *            {@code ""} or one of {@link #modifiers()}
	 */
	protected abstract Optional<Criterion> parseValue(String modifier, String value, ZoneId serverTimeZone,
			List<ParameterProblem> problems);

	@Override
	public final Comparable<?> sortValue(Resource resource)
	{
		return sortValueOf(type.cast(resource));
	}

	protected abstract Comparable<?> sortValueOf(R resource);

	protected final Criterion criterion(String linkName, String linkValue, Predicate<R> test)
	{
		return criterion(linkName, linkValue, (resource, store) -> test.test(resource));
	}

	protected final Criterion criterion(String linkName, String linkValue, BiPredicate<R, ResourceStore> test)
	{
		return new TypedCriterion<>(type, linkName, linkValue, test);
	}

	private record TypedCriterion<R extends Resource> (Class<R> type, String linkName, String linkValue,
			BiPredicate<R, ResourceStore> test) implements Criterion
	{
		@Override
		public boolean matches(Resource resource, ResourceStore store)
		{
			return type.isInstance(resource) && test.test(type.cast(resource), store);
		}
	}
}
