package org.dsftestbed.fhir.search.parameter;

import org.dsftestbed.fhir.search.parameter.basic.Inclusion;
import java.util.List;
import java.util.Objects;

import org.dsftestbed.fhir.search.parameter.basic.CanonicalReferenceParameter;
import org.dsftestbed.fhir.search.parameter.basic.SqlLike;
import org.dsftestbed.fhir.search.parameter.basic.StoreOrder;
import org.dsftestbed.fhir.store.ResourceStore;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code QuestionnaireResponse.questionnaire}: DSF takes the URL as a prefix of the canonical, so {@code url} finds
 * {@code url|version} too. {@code _include} finds the Questionnaire by url and version.
 */
public final class QuestionnaireResponseQuestionnaire extends CanonicalReferenceParameter<QuestionnaireResponse>
{
	public QuestionnaireResponseQuestionnaire()
	{
		super(QuestionnaireResponse.class, "questionnaire", "Questionnaire");
	}

	@Override
	protected boolean matchesCanonical(QuestionnaireResponse resource, String url)
	{
		return SqlLike.matches(canonical(resource), url + "%");
	}

	@Override
	protected Comparable<?> sortValueOf(QuestionnaireResponse resource)
	{
		return canonical(resource);
	}

	@Override
	public List<Inclusion> includes()
	{
		return List.of(new ReferencedQuestionnaire());
	}

	private static final class ReferencedQuestionnaire implements Inclusion
	{
		@Override
		public List<String> parameterValues()
		{
			return List.of("QuestionnaireResponse:questionnaire", "QuestionnaireResponse:questionnaire:Questionnaire");
		}

		@Override
		public List<Resource> resourcesFor(Resource match, ResourceStore store)
		{
			String canonical = canonical((QuestionnaireResponse) match);
			if (canonical == null)
				return List.of();
			return StoreOrder.sorted(store.current("Questionnaire", q -> true).stream()
					.filter(q -> isReferencedBy((Questionnaire) q, canonical)).toList());
		}
	}

	/**
	 * {@code url|version} needs both to match; a bare {@code url} finds only a Questionnaire without version; the text
	 * {@code url|null} finds every version.
	 */
	private static boolean isReferencedBy(Questionnaire questionnaire, String canonical)
	{
		String url = questionnaire.hasUrl() ? questionnaire.getUrl() : null;
		String version = questionnaire.hasVersion() ? questionnaire.getVersion() : null;
		int bar = canonical.indexOf('|');
		if (bar < 0)
			return canonical.equals(url) && version == null;

		String canonicalUrl = canonical.substring(0, bar);
		String canonicalVersion = canonical.substring(bar + 1).split("[|]", -1)[0];
		return canonicalUrl.equals(url)
				&& (Objects.equals(canonicalVersion, version) || "null".equals(canonicalVersion));
	}

	private static String canonical(QuestionnaireResponse resource)
	{
		return resource.hasQuestionnaire() ? resource.getQuestionnaire() : null;
	}
}
