package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.SqlTruth;
import org.dsftestbed.fhir.search.parameter.basic.SystemAndCode;
import org.dsftestbed.fhir.search.parameter.basic.TokenParameter;
import org.dsftestbed.fhir.search.parameter.basic.TokenValue;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code identifier} on a single {@code identifier} element (Bundle, QuestionnaireResponse). DSF compares the whole
 * identifier JSON with one built from the request, so {@code system|value} finds an identifier with exactly these two
 * fields (no {@code use}, {@code type}, ...), and a bare {@code value} only one without system. {@code |value} compares
 * value and absent system only.
 */
public final class SingleIdentifierParameter<R extends Resource> extends TokenParameter<R>
{
	private final Function<R, Identifier> identifier;

	/**
	 * @param identifier
	 *            the identifier, null if absent
	 */
	public SingleIdentifierParameter(Class<R> type, Function<R, Identifier> identifier)
	{
		super(type, "identifier");
		this.identifier = identifier;
	}

	@Override
	protected Optional<Criterion> criterion(TokenValue token, String value, List<ParameterProblem> problems)
	{
		return Optional.of(criterion(linkName(token), token.linkValue(), resource ->
		{
			Identifier actual = identifier.apply(resource);
			if (token.form() == TokenValue.Form.CODE_WITHOUT_SYSTEM)
				return withoutSystem(actual, token).selects();

			SqlTruth equal = actual == null ? SqlTruth.UNKNOWN : SqlTruth.of(requested(token).equalsDeep(actual));
			return (token.negated() ? equal.not() : equal).selects();
		}));
	}

	private static SqlTruth withoutSystem(Identifier actual, TokenValue token)
	{
		if (actual == null)
			return SqlTruth.UNKNOWN;
		SqlTruth valueEqual = SqlTruth.equal(SystemAndCode.of(actual).code(), token.code());
		SqlTruth hasSystem = SqlTruth.of(actual.hasSystem());
		return token.negated() ? valueEqual.not().or(hasSystem) : valueEqual.and(hasSystem.not());
	}

	private static Identifier requested(TokenValue token)
	{
		Identifier requested = new Identifier();
		if (token.system() != null)
			requested.setSystem(token.system());
		if (token.code() != null)
			requested.setValue(token.code());
		return requested;
	}

	@Override
	protected Comparable<?> sortValueOf(R resource)
	{
		Identifier actual = identifier.apply(resource);
		return actual == null ? null : SystemAndCode.of(actual).concatenated();
	}
}
