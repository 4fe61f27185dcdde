package org.dsftestbed.fhir.search.parameter.basic;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Resource;

/** A token parameter on CodeableConcepts, e.g. {@code Organization.type}: matches any of their codings. */
public abstract class CodingParameter<R extends Resource> extends TokenParameter<R>
{
	private final Function<R, List<CodeableConcept>> concepts;

	protected CodingParameter(Class<R> type, String name, Function<R, List<CodeableConcept>> concepts)
	{
		super(type, name);
		this.concepts = concepts;
	}

	@Override
	protected Optional<Criterion> criterion(TokenValue token, String value, List<ParameterProblem> problems)
	{
		return Optional.of(criterion(linkName(token), token.linkValue(),
				resource -> TokenContainment.selects(codings(resource), token)));
	}

	private List<SystemAndCode> codings(R resource)
	{
		return concepts.apply(resource).stream().flatMap(c -> c.getCoding().stream()).map(SystemAndCode::of)
				.toList();
	}

	/**
	 * DSF's ORDER BY for these parameters reads {@code ->'coding'} from the JSON array of concepts, which is always NULL:
	 * sorting by them leaves the order as it is.
	 */
	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		return null;
	}
}
