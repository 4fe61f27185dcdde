package org.dsftestbed.fhir.search.parameter;

import java.util.List;
import java.util.function.Function;

import org.dsftestbed.fhir.search.parameter.basic.SqlTruth;
import org.dsftestbed.fhir.search.parameter.basic.StringParameter;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * {@code name} on name or alias (Organization, Location). DSF lower-cases the name but not the aliases before its
 * LIKE, so starts-with and contains find an alias only where the alias's own letters are lower-case.
 */
public final class NameOrAliasParameter<R extends Resource> extends StringParameter<R>
{
	private final Function<R, String> nameOf;
	private final Function<R, List<StringType>> aliases;

	/**
	 * @param nameOf
	 *            the name, null if absent
	 */
	public NameOrAliasParameter(Class<R> type, Function<R, String> nameOf, Function<R, List<StringType>> aliases)
	{
		super(type, "name");
		this.nameOf = nameOf;
		this.aliases = aliases;
	}

	@Override
	protected SqlTruth test(R resource, StringMatch match)
	{
		return match.test(nameOf.apply(resource)).or(aliasTest(resource, match));
	}

	private SqlTruth aliasTest(R resource, StringMatch match)
	{
		List<String> values = aliases.apply(resource).stream().filter(StringType::hasValue).map(StringType::getValue)
				.toList();
		if (match.mode() == Mode.EXACT)
			return values.isEmpty() ? SqlTruth.UNKNOWN : SqlTruth.of(values.contains(match.value()));
		return SqlTruth.of(values.stream().anyMatch(alias -> match.test(alias, false).selects()));
	}

	/** Approximation: DSF orders by an array of name and aliases; the name decides nearly always. */
	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		return nameOf.apply(resource);
	}
}
