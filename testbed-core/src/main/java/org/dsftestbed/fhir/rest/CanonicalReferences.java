package org.dsftestbed.fhir.rest;

import java.util.List;
import java.util.Map;

import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * The two canonical references DSF checks on create and update: {@code Task.instantiatesCanonical} must name an
 * ActivityDefinition and {@code QuestionnaireResponse.questionnaire} a Questionnaire that this server stores and
 * the caller may read (searched by {@code url}, with {@code url|version} when versioned).
 */
final class CanonicalReferences
{
	private final Searcher searcher;
	private final Authorizer authorizer;

	CanonicalReferences(Searcher searcher, Authorizer authorizer)
	{
		this.searcher = searcher;
		this.authorizer = authorizer;
	}

	/**
	 * @throws FhirException
	 *             403 when the referenced resource is not stored or not readable by {@code identity}
	 */
	void check(Identity identity, Resource resource)
	{
		if (resource instanceof Task task && task.hasInstantiatesCanonical())
			require(identity, "ActivityDefinition", task.getInstantiatesCanonical(), "Task.instantiatesCanonical");
		if (resource instanceof QuestionnaireResponse response && response.hasQuestionnaire())
			require(identity, "Questionnaire", response.getQuestionnaire(), "QuestionnaireResponse.questionnaire");
	}

	private void require(Identity identity, String type, String canonical, String element)
	{
		List<Resource> candidates = searcher.matches(type, Map.of("url", List.of(canonical)));
		if (candidates.stream().noneMatch(candidate -> authorizer.read(identity, candidate).isAllowed()))
			throw FhirException.forbidden(element + " " + canonical + ": no " + type
					+ " with this url on this server that the caller may read");
	}
}
