package org.dsftestbed.fhir.search.parameter.basic;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import org.dsftestbed.fhir.search.parameter.basic.Inclusion;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A reference parameter: selects resources whose literal reference equals the requested {@code <Type>/<id>}, id or
 * URL, or with {@code :identifier} whose referenced resource carries the requested identifier. A reference stored with
 * both identifier and literal reference is found through its literal reference.
 * <p>
 * The same parameter offers {@code _include} of the referenced resources and, through {@link #reverse()}, the
 * {@code _revinclude} from the referenced type.
 */
public abstract class ReferenceParameter<R extends Resource> extends AbstractSearchParameter<R>
{
	private final Function<R, List<Reference>> references;
	private final List<String> targetTypes;

	/**
	 * @param references
	 *            the reference elements this parameter searches (lazily created empty ones do no harm)
	 * @param targetTypes
	 *            the types the references may point to, e.g. {@code "Organization"}
	 */
	protected ReferenceParameter(Class<R> type, String name, Function<R, List<Reference>> references,
			String... targetTypes)
	{
		super(type, name, List.of(ReferenceValue.IDENTIFIER));
		this.references = references;
		this.targetTypes = List.of(targetTypes);
	}

	@Override
	protected final Optional<Criterion> parseValue(String modifier, String value, ZoneId serverTimeZone,
			List<ParameterProblem> problems)
	{
		return ReferenceValue.parse(name, modifier, value, targetTypes, problems)
				.map(reference -> criterion(reference.linkName(name), reference.linkValue(),
						(resource, store) -> matches(resource, reference, store)));
	}

	private boolean matches(R resource, ReferenceValue value, ResourceStore store)
	{
		List<String> literal = literalReferences(resource);
		if (value.form() == ReferenceValue.Form.IDENTIFIER)
		{
			List<SystemAndCode> identifiers = literal.stream()
					.flatMap(r -> References.resolve(r, targetTypes, store).stream())
					.flatMap(r -> References.identifiersOf(r).stream()).map(SystemAndCode::of).toList();
			return TokenContainment.contains(identifiers, value.identifier()).selects();
		}

		List<String> selected = value.literalReferences(targetTypes);
		return literal.stream().anyMatch(selected::contains);
	}

	private List<String> literalReferences(R resource)
	{
		return references.apply(resource).stream().filter(Reference::hasReference).map(Reference::getReference)
				.toList();
	}

	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		List<String> literal = literalReferences(resource);
		return literal.isEmpty() ? null : String.join(" ", literal);
	}

	@Override
	public boolean sortIgnoresDirection()
	{
		return true;
	}

	/**
	 * With one target type: {@code Source:name} and {@code Source:name:Target}; with several, only the form naming the
	 * target, one per target type.
	 */
	@Override
	public List<Inclusion> includes()
	{
		String prefix = resourceType() + ":" + name;
		if (targetTypes.size() == 1)
			return List.of(new Forward(List.of(prefix, prefix + ":" + targetTypes.get(0)), targetTypes.get(0)));

		return targetTypes.stream().map(t -> (Inclusion) new Forward(List.of(prefix + ":" + t), t)).toList();
	}

	/**
	 * The {@code _revinclude} of this parameter for a search on its (single) target type, e.g.
	 * {@code Endpoint:organization} for Organization searches: the resources of this type referencing each match.
	 */
	public Inclusion reverse()
	{
		if (targetTypes.size() != 1)
			throw new IllegalStateException("DSF offers _revinclude only for single-target references");

		String prefix = resourceType() + ":" + name;
		return new Reverse(List.of(prefix, prefix + ":" + targetTypes.get(0)), targetTypes.get(0));
	}

	/** An inclusion of this parameter for one target type, under the parameter values that ask for it. */
	private abstract class TargetInclusion implements Inclusion
	{
		final List<String> parameterValues;
		final String targetType;

		TargetInclusion(List<String> parameterValues, String targetType)
		{
			this.parameterValues = parameterValues;
			this.targetType = targetType;
		}

		@Override
		public List<String> parameterValues()
		{
			return parameterValues;
		}
	}

	/** The referenced resources of one target type. */
	private final class Forward extends TargetInclusion
	{
		Forward(List<String> parameterValues, String targetType)
		{
			super(parameterValues, targetType);
		}

		@Override
		public List<Resource> resourcesFor(Resource match, ResourceStore store)
		{
			if (!type.isInstance(match))
				return List.of();

			List<Resource> referenced = literalReferences(type.cast(match)).stream()
					.flatMap(r -> References.resolve(r, List.of(targetType), store).stream()).toList();
			return StoreOrder.sorted(References.distinct(referenced));
		}
	}

	/** The resources of this parameter's type that reference the match. */
	private final class Reverse extends TargetInclusion
	{
		Reverse(List<String> parameterValues, String targetType)
		{
			super(parameterValues, targetType);
		}

		@Override
		public List<Resource> resourcesFor(Resource match, ResourceStore store)
		{
			if (!targetType.equals(match.fhirType()))
				return List.of();

			String reference = targetType + "/" + match.getIdElement().getIdPart();
			return StoreOrder.sorted(store.current(resourceType(), r -> true).stream()
					.filter(r -> literalReferences(type.cast(r)).contains(reference)).toList());
		}
	}
}
