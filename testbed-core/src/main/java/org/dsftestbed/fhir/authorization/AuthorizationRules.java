package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.TreeSet;

import org.dsftestbed.fhir.identity.Identity;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;

/**
 * The authorization rule of each resource type the server serves, and the entry point that applies them. Types without
 * a rule are refused: DSF only serves the types it has rules for.
 *
 * <pre>{@code
 * AuthorizationRules rules = AuthorizationRules.dsf();
 * Decision decision = rules.create(identity, task, context);
 * }</pre>
 */
public final class AuthorizationRules implements ResourceRules
{
	/** Name used in refusals for types without a rule. */
	public static final String NAME = "AuthorizationRules";

	private final Map<String, AuthorizationRule<? extends Resource>> rulesByType;

	private AuthorizationRules(List<AuthorizationRule<? extends Resource>> rules)
	{
		Map<String, AuthorizationRule<? extends Resource>> byType = new LinkedHashMap<>();
		rules.forEach(rule -> byType.put(rule.resourceType().getSimpleName(), rule));
		rulesByType = Collections.unmodifiableMap(byType);
	}

	/** The rules of a DSF 1.9.0 FHIR server. */
	public static AuthorizationRules dsf()
	{
		List<AuthorizationRule<? extends Resource>> rules = new ArrayList<>(List.of(
				new ActivityDefinitionAuthorizationRule(), new CodeSystemAuthorizationRule(),
				new EndpointAuthorizationRule(), new NamingSystemAuthorizationRule(),
				new OrganizationAuthorizationRule(), new OrganizationAffiliationAuthorizationRule(),
				new PractitionerRoleAuthorizationRule(), new QuestionnaireResponseAuthorizationRule(),
				new StructureDefinitionAuthorizationRule(), new SubscriptionAuthorizationRule(),
				new ValueSetAuthorizationRule()));
		List.of(Bundle.class, DocumentReference.class, Group.class, HealthcareService.class, Library.class,
				Location.class, Measure.class, MeasureReport.class, Patient.class, Practitioner.class, Provenance.class,
				Questionnaire.class, ResearchStudy.class).forEach(type -> rules.add(taggedOnly(type)));

		// a Binary's securityContext may be any of these, but neither a Binary nor a Task
		Set<String> securityContextTypes = new TreeSet<>();
		rules.forEach(rule -> securityContextTypes.add(rule.resourceType().getSimpleName()));
		rules.add(new BinaryAuthorizationRule(securityContextTypes));
		rules.add(new TaskAuthorizationRule());

		return new AuthorizationRules(rules);
	}

	private static <R extends Resource> AuthorizationRule<R> taggedOnly(Class<R> type)
	{
		return new TaggedResourceAuthorizationRule<>(type);
	}

	/** Names of the types served, e.g. {@code Task}. */
	public Set<String> resourceTypes()
	{
		return rulesByType.keySet();
	}

	@Override
	public boolean supports(String resourceType)
	{
		return rulesByType.containsKey(resourceType);
	}

	public Optional<AuthorizationRule<? extends Resource>> ruleFor(String resourceType)
	{
		return Optional.ofNullable(rulesByType.get(resourceType));
	}

	@Override
	public Decision create(Identity identity, Resource newResource, AuthorizationContext context)
	{
		return apply(newResource.fhirType(), rule -> rule.create(identity, newResource, context));
	}

	@Override
	public Decision read(Identity identity, Resource existing, AuthorizationContext context)
	{
		return apply(existing.fhirType(), rule -> rule.read(identity, existing, context));
	}

	@Override
	public Decision update(Identity identity, Resource oldResource, Resource newResource, AuthorizationContext context)
	{
		if (!oldResource.fhirType().equals(newResource.fhirType()))
			return Decision.refused(NAME, "cannot update a " + oldResource.fhirType() + " with a "
					+ newResource.fhirType());
		return apply(newResource.fhirType(), rule -> rule.update(identity, oldResource, newResource, context));
	}

	@Override
	public Decision delete(Identity identity, Resource oldResource, AuthorizationContext context)
	{
		return apply(oldResource.fhirType(), rule -> rule.delete(identity, oldResource, context));
	}

	@Override
	public Decision permanentDelete(Identity identity, Resource oldResource, AuthorizationContext context)
	{
		return apply(oldResource.fhirType(), rule -> rule.permanentDelete(identity, oldResource, context));
	}

	/**
	 * Calls the rule of {@code resourceType}. The rules are registered under the simple name of their resource class,
	 * so the rule found for a resource's own type always accepts that resource.
	 */
	@SuppressWarnings("unchecked")
	private Decision apply(String resourceType, Function<AuthorizationRule<Resource>, Decision> operation)
	{
		return ruleFor(resourceType).map(rule -> operation.apply((AuthorizationRule<Resource>) rule))
				.orElseGet(() -> Decision.refused(NAME, "resource type " + resourceType
						+ " is not supported by this server (supported: " + new TreeSet<>(resourceTypes()) + ")"));
	}
}
