package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.Criterion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dsftestbed.fhir.search.parameter.basic.ParameterProblem;
import org.dsftestbed.fhir.search.parameter.basic.SqlTruth;
import org.dsftestbed.fhir.search.parameter.basic.SystemAndCode;
import org.dsftestbed.fhir.search.parameter.basic.TokenContainment;
import org.dsftestbed.fhir.search.parameter.basic.TokenParameter;
import org.dsftestbed.fhir.search.parameter.basic.TokenValue;
import org.hl7.fhir.r4.model.DocumentReference;

/** {@code identifier} of DocumentReference: matches {@code identifier} or {@code masterIdentifier}. */
public final class DocumentReferenceIdentifier extends TokenParameter<DocumentReference>
{
	public DocumentReferenceIdentifier()
	{
		super(DocumentReference.class, "identifier");
	}

	@Override
	protected Optional<Criterion> criterion(TokenValue token, String value, List<ParameterProblem> problems)
	{
		return Optional.of(criterion(linkName(token), token.linkValue(), resource ->
		{
			if (token.form() == TokenValue.Form.CODE_WITHOUT_SYSTEM)
				return TokenContainment.selects(allIdentifiers(resource), token);

			SqlTruth found = TokenContainment.contains(identifiers(resource), token)
					.or(masterMatches(resource, token));
			return (token.negated() ? found.not() : found).selects();
		}));
	}

	private static SqlTruth masterMatches(DocumentReference resource, TokenValue token)
	{
		SystemAndCode master = resource.hasMasterIdentifier() ? SystemAndCode.of(resource.getMasterIdentifier())
				: new SystemAndCode(null, null);
		return switch (token.form())
		{
			case CODE -> SqlTruth.equal(master.code(), token.code());
			case SYSTEM_AND_CODE ->
				SqlTruth.equal(master.code(), token.code()).and(SqlTruth.equal(master.system(), token.system()));
			case SYSTEM -> SqlTruth.equal(master.system(), token.system());
			case CODE_WITHOUT_SYSTEM -> throw new IllegalArgumentException("handled with all identifiers");
		};
	}

	private static List<SystemAndCode> identifiers(DocumentReference resource)
	{
		return resource.getIdentifier().stream().map(SystemAndCode::of).toList();
	}

	private static List<SystemAndCode> allIdentifiers(DocumentReference resource)
	{
		List<SystemAndCode> all = new ArrayList<>(identifiers(resource));
		if (resource.hasMasterIdentifier())
			all.add(SystemAndCode.of(resource.getMasterIdentifier()));
		return all;
	}

	@Override
	protected Comparable<?> sortValueOf(DocumentReference resource)
	{
		return TokenContainment.sortValue(allIdentifiers(resource));
	}
}
