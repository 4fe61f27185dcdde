package org.dsftestbed.fhir.server;

import java.util.Date;

import org.dsftestbed.fhir.authorization.Tags;
import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Minimal resources of tag-governed types that pass profile validation without claiming a profile. Where a type is
 * unique by url or identifier, the caller passes it or the builder makes a fresh one, so that tests sharing one server
 * never collide. The read-access tags are the caller's choice (none for an untagged resource).
 */
final class TestResources
{
	static final String EXAMPLE = "http://example.org/fhir/";

	private TestResources()
	{
	}

	static Library library(Coding... tags)
	{
		Library library = new Library();
		library.setUrl(AuthorizationTestServer.unique(EXAMPLE + "Library/")).setVersion("1.0")
				.setStatus(PublicationStatus.ACTIVE).setType(new CodeableConcept(
						new Coding("http://terminology.hl7.org/CodeSystem/library-type", "logic-library", null)));
		return Tags.tagged(library, tags);
	}

	static CodeSystem codeSystem(String url, String version, Coding... tags)
	{
		CodeSystem codeSystem = new CodeSystem();
		codeSystem.setUrl(url).setVersion(version).setName("TestCodes").setStatus(PublicationStatus.ACTIVE)
				.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
		codeSystem.addConcept().setCode("a").setDisplay("A");
		return Tags.tagged(codeSystem, tags);
	}

	static ValueSet valueSet(String url, String version, Coding... tags)
	{
		ValueSet valueSet = new ValueSet();
		valueSet.setUrl(url).setVersion(version).setName("TestValues").setStatus(PublicationStatus.ACTIVE);
		valueSet.getCompose().addInclude().setSystem(EXAMPLE + "CodeSystem/test");
		return Tags.tagged(valueSet, tags);
	}

	/** A constraint on Library that nothing claims, so it never takes part in other validations. */
	static StructureDefinition structureDefinition(String url, String version, Coding... tags)
	{
		StructureDefinition definition = new StructureDefinition();
		definition.setUrl(url).setVersion(version).setName("TestLibrary").setStatus(PublicationStatus.ACTIVE)
				.setKind(StructureDefinition.StructureDefinitionKind.RESOURCE).setAbstract(false).setType("Library")
				.setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Library")
				.setDerivation(StructureDefinition.TypeDerivationRule.CONSTRAINT);
		definition.getDifferential().addElement().setPath("Library").setId("Library");
		return Tags.tagged(definition, tags);
	}

	static Questionnaire questionnaire(String url, String version, Coding... tags)
	{
		Questionnaire questionnaire = new Questionnaire();
		questionnaire.setUrl(url).setVersion(version).setStatus(PublicationStatus.ACTIVE).setDate(new Date());
		questionnaire.addItem().setLinkId("user-task-id").setText("The user-task-id of the process execution")
				.setType(Questionnaire.QuestionnaireItemType.STRING);
		questionnaire.addItem().setLinkId("business-key").setText("The business-key of the process execution")
				.setType(Questionnaire.QuestionnaireItemType.STRING);
		return Tags.tagged(questionnaire, tags);
	}

	static Patient patient(Coding... tags)
	{
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(EXAMPLE + "sid/patient").setValue(AuthorizationTestServer.unique(""));
		return Tags.tagged(patient, tags);
	}

	static Group group(Coding... tags)
	{
		Group group = new Group().setType(Group.GroupType.PERSON).setActual(false);
		group.addIdentifier().setSystem(EXAMPLE + "sid/group").setValue(AuthorizationTestServer.unique(""));
		return Tags.tagged(group, tags);
	}

	/** An active Organization with this DSF organization identifier (none if null). */
	static Organization organization(String identifier, Coding... tags)
	{
		Organization organization = new Organization().setActive(true);
		if (identifier != null)
			organization.addIdentifier().setSystem(DsfIdentifiers.ORGANIZATION).setValue(identifier);
		return Tags.tagged(organization, tags);
	}

	/** An active FHIR REST Endpoint for Tasks with this DSF endpoint identifier (none if null). */
	static Endpoint endpoint(String identifier, String address, Coding... tags)
	{
		Endpoint endpoint = new Endpoint().setStatus(Endpoint.EndpointStatus.ACTIVE)
				.setConnectionType(new Coding("http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
						"hl7-fhir-rest", null))
				.setAddress(address);
		endpoint.addPayloadType(new CodeableConcept(new Coding("http://hl7.org/fhir/resource-types", "Task", null)));
		if (identifier != null)
			endpoint.addIdentifier().setSystem(DsfIdentifiers.ENDPOINT).setValue(identifier);
		return Tags.tagged(endpoint, tags);
	}

	/** Changes something no rule cares about, for updates that must be allowed. */
	static <R extends Resource> R touched(R resource)
	{
		resource.getMeta().setSource(AuthorizationTestServer.unique("urn:uuid:"));
		return resource;
	}
}
