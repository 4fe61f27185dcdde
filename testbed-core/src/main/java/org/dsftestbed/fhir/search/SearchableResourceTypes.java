package org.dsftestbed.fhir.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.dsftestbed.fhir.search.parameter.*;
import org.dsftestbed.fhir.search.parameter.basic.Inclusion;
import org.dsftestbed.fhir.search.parameter.basic.SearchParameter;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The resource types a DSF 1.9.0 FHIR server searches and their parameters (its {@code *DaoJdbc} configuration). Every
 * type also has {@code _id}, {@code _lastUpdated} and {@code _profile}.
 */
public final class SearchableResourceTypes
{
	private static final Map<String, SearchableResourceType> TYPES = new TreeMap<>();

	static
	{
		add(ActivityDefinition.class, conformance(ActivityDefinition.class,
				// DSF 1.9.0 registers ActivityDefinition's identifier without :not
				IdentifierParameter.withoutModifiers(ActivityDefinition.class, ActivityDefinition::getIdentifier)));
		add(Binary.class, List.of(new BinaryContentType()));
		add(Bundle.class,
				List.of(new SingleIdentifierParameter<>(Bundle.class, b -> b.hasIdentifier() ? b.getIdentifier() : null)));
		add(CodeSystem.class, conformance(CodeSystem.class, identifier(CodeSystem.class, CodeSystem::getIdentifier)));
		add(DocumentReference.class, List.of(new DocumentReferenceIdentifier()));
		add(Endpoint.class,
				List.of(new EndpointAddress(), identifier(Endpoint.class, Endpoint::getIdentifier),
						new NameParameter<>(Endpoint.class, e -> e.hasName() ? e.getName() : null),
						new EndpointOrganization(), new EndpointStatus()),
				List.of(new OrganizationEndpoint().reverse()));
		add(Group.class, List.of(identifier(Group.class, Group::getIdentifier)),
				List.of(new ResearchStudyEnrollment().reverse()));
		add(HealthcareService.class,
				List.of(new ActiveParameter<>(HealthcareService.class, h -> h.hasActive() ? h.getActive() : null),
						new NameParameter<>(HealthcareService.class, h -> h.hasName() ? h.getName() : null),
						identifier(HealthcareService.class, HealthcareService::getIdentifier)));
		add(Library.class, conformance(Library.class, identifier(Library.class, Library::getIdentifier)));
		add(Location.class, List.of(identifier(Location.class, Location::getIdentifier), new NameOrAliasParameter<>(
				Location.class, l -> l.hasName() ? l.getName() : null, Location::getAlias)));
		add(Measure.class, concat(conformance(Measure.class, identifier(Measure.class, Measure::getIdentifier)),
				new MeasureDependsOn()));
		add(MeasureReport.class, List.of(identifier(MeasureReport.class, MeasureReport::getIdentifier)));
		add(NamingSystem.class, List.of(new ConformanceDate<>(NamingSystem.class), name(NamingSystem.class),
				new ConformanceStatus<>(NamingSystem.class)));
		add(Organization.class,
				List.of(new ActiveParameter<>(Organization.class, o -> o.hasActive() ? o.getActive() : null),
						new OrganizationEndpoint(), identifier(Organization.class, Organization::getIdentifier),
						new NameOrAliasParameter<>(Organization.class, o -> o.hasName() ? o.getName() : null,
								Organization::getAlias),
						new OrganizationType()),
				List.of(new EndpointOrganization().reverse(),
						new OrganizationAffiliationPrimaryOrganization().reverse(),
						new OrganizationAffiliationParticipatingOrganization().reverse()));
		add(OrganizationAffiliation.class, List.of(
				new ActiveParameter<>(OrganizationAffiliation.class, a -> a.hasActive() ? a.getActive() : null),
				new OrganizationAffiliationEndpoint(),
				identifier(OrganizationAffiliation.class, OrganizationAffiliation::getIdentifier),
				new OrganizationAffiliationParticipatingOrganization(),
				new OrganizationAffiliationPrimaryOrganization(), new OrganizationAffiliationRole()));
		add(Patient.class, List.of(new ActiveParameter<>(Patient.class, p -> p.hasActive() ? p.getActive() : null),
				identifier(Patient.class, Patient::getIdentifier)));
		add(Practitioner.class,
				List.of(new ActiveParameter<>(Practitioner.class, p -> p.hasActive() ? p.getActive() : null),
						identifier(Practitioner.class, Practitioner::getIdentifier)));
		add(PractitionerRole.class,
				List.of(new ActiveParameter<>(PractitionerRole.class, p -> p.hasActive() ? p.getActive() : null),
						identifier(PractitionerRole.class, PractitionerRole::getIdentifier),
						new PractitionerRoleOrganization(), new PractitionerRolePractitioner()));
		add(Provenance.class, List.of());
		add(Questionnaire.class,
				conformance(Questionnaire.class, identifier(Questionnaire.class, Questionnaire::getIdentifier)));
		add(QuestionnaireResponse.class, List.of(new QuestionnaireResponseAuthored(),
				new SingleIdentifierParameter<>(QuestionnaireResponse.class,
						q -> q.hasIdentifier() ? q.getIdentifier() : null),
				new QuestionnaireResponseQuestionnaire(), new QuestionnaireResponseStatus(),
				new QuestionnaireResponseSubject()));
		add(ResearchStudy.class, List.of(new ResearchStudyEnrollment(),
				identifier(ResearchStudy.class, ResearchStudy::getIdentifier), new ResearchStudyPrincipalInvestigator()));
		add(StructureDefinition.class, conformance(StructureDefinition.class,
				identifier(StructureDefinition.class, StructureDefinition::getIdentifier)));
		add(Subscription.class, List.of(new SubscriptionCriteria(), new SubscriptionPayload(),
				new SubscriptionStatus(), new SubscriptionType()));
		add(Task.class, List.of(new TaskAuthoredOn(), identifier(Task.class, Task::getIdentifier), new TaskModified(),
				new TaskRequester(), new TaskStatus()));
		add(ValueSet.class, conformance(ValueSet.class, identifier(ValueSet.class, ValueSet::getIdentifier)));
	}

	private SearchableResourceTypes()
	{
	}

	public static Optional<SearchableResourceType> get(String resourceType)
	{
		return Optional.ofNullable(TYPES.get(resourceType));
	}

	public static List<String> names()
	{
		return List.copyOf(TYPES.keySet());
	}

	private static <R extends Resource> void add(Class<R> type, List<SearchParameter> parameters)
	{
		add(type, parameters, List.of());
	}

	private static <R extends Resource> void add(Class<R> type, List<SearchParameter> parameters,
			List<Inclusion> revIncludes)
	{
		List<SearchParameter> all = new ArrayList<>(
				List.of(new ResourceId<>(type), new ResourceLastUpdated<>(type), new ResourceProfile<>(type)));
		all.addAll(parameters);
		TYPES.put(type.getSimpleName(), new SearchableResourceType(type.getSimpleName(), all, revIncludes));
	}

	/** date, identifier, name, status, url, version: the parameters DSF gives its conformance resource types. */
	private static <R extends MetadataResource> List<SearchParameter> conformance(Class<R> type,
			IdentifierParameter<R> identifier)
	{
		return List.of(new ConformanceDate<>(type), identifier, name(type), new ConformanceStatus<>(type),
				new ConformanceUrl<>(type), new ConformanceVersion<>(type));
	}

	private static <R extends MetadataResource> NameParameter<R> name(Class<R> type)
	{
		return new NameParameter<>(type, r -> r.hasName() ? r.getName() : null);
	}

	private static <R extends Resource> IdentifierParameter<R> identifier(Class<R> type,
			Function<R, List<Identifier>> identifiers)
	{
		return new IdentifierParameter<>(type, identifiers);
	}

	private static List<SearchParameter> concat(List<SearchParameter> parameters, SearchParameter more)
	{
		return Stream.concat(parameters.stream(), Stream.of(more)).toList();
	}
}
