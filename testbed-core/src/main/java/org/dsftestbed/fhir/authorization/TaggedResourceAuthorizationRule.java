package org.dsftestbed.fhir.authorization;

import org.hl7.fhir.r4.model.Resource;

/**
 * Types governed by read-access tags alone, without content checks or unique criteria (Bundle, DocumentReference,
 * Group, HealthcareService, Library, Location, Measure, MeasureReport, Patient, Practitioner, Provenance,
 * Questionnaire, ResearchStudy). DSF has one class per type that differs only in the type; here one class serves them
 * all, and {@link #name()} still names the rule per type (e.g. {@code LibraryAuthorizationRule}), so refusals read the
 * same.
 *
 * <pre>{@code new TaggedResourceAuthorizationRule<>(Library.class)}</pre>
 */
public final class TaggedResourceAuthorizationRule<R extends Resource> extends MetaTagAuthorizationRule<R>
{
	public TaggedResourceAuthorizationRule(Class<R> resourceType)
	{
		super(resourceType);
	}

	@Override
	public String name()
	{
		return typeName() + "AuthorizationRule";
	}
}
