package org.dsftestbed.fhir.authorization;

import java.util.List;

import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.dsftestbed.fhir.authorization.process.PartyCoding;
import org.dsftestbed.fhir.authorization.process.ProcessAuthorizationCode;
import org.dsftestbed.fhir.authorization.process.ProcessAuthorizations;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.StringType;

/** ActivityDefinitions with process authorizations for tests: a "ping" process with message "startPing". */
public final class Processes
{
	public static final String PROCESS_URL = "http://dsf.test/bpe/Process/ping";
	public static final String PROCESS_VERSION = "1.0";
	public static final String INSTANTIATES_CANONICAL = PROCESS_URL + "|" + PROCESS_VERSION;
	public static final String MESSAGE_NAME = "startPing";
	public static final String TASK_PROFILE_UNVERSIONED = "http://dsf.test/fhir/StructureDefinition/task-start-ping";
	public static final String TASK_PROFILE = TASK_PROFILE_UNVERSIONED + "|1.0";

	private Processes()
	{
	}

	/** An active ping ActivityDefinition, tagged ALL, with one authorization for startPing. */
	public static ActivityDefinition ping(Coding requester, Coding recipient)
	{
		return ping(List.of(requester), List.of(recipient));
	}

	public static ActivityDefinition ping(List<Coding> requesters, List<Coding> recipients)
	{
		ActivityDefinition activityDefinition = new ActivityDefinition();
		activityDefinition.setUrl(PROCESS_URL).setVersion(PROCESS_VERSION).setStatus(PublicationStatus.ACTIVE);
		activityDefinition.addExtension(authorization(MESSAGE_NAME, TASK_PROFILE, requesters, recipients));
		return Tags.tagged(activityDefinition, Tags.all());
	}

	public static Extension authorization(String messageName, String taskProfile, List<Coding> requesters,
			List<Coding> recipients)
	{
		Extension extension = new Extension(ProcessAuthorizations.EXTENSION);
		extension.addExtension(ProcessAuthorizations.MESSAGE_NAME, new StringType(messageName));
		extension.addExtension(ProcessAuthorizations.TASK_PROFILE, new CanonicalType(taskProfile));
		requesters.forEach(r -> extension.addExtension(ProcessAuthorizations.REQUESTER, r));
		recipients.forEach(r -> extension.addExtension(ProcessAuthorizations.RECIPIENT, r));
		return extension;
	}

	public static Coding localAll()
	{
		return ProcessAuthorizationCode.LOCAL_ALL.toCoding();
	}

	public static Coding remoteAll()
	{
		return ProcessAuthorizationCode.REMOTE_ALL.toCoding();
	}

	public static Coding localAllPractitioner(Coding practitionerRole)
	{
		Coding coding = ProcessAuthorizationCode.LOCAL_ALL_PRACTITIONER.toCoding();
		coding.addExtension(PartyCoding.EXTENSION_PRACTITIONER, practitionerRole.copy());
		return coding;
	}

	public static Coding localOrganization(String organizationIdentifier)
	{
		return organization(ProcessAuthorizationCode.LOCAL_ORGANIZATION, organizationIdentifier);
	}

	public static Coding remoteOrganization(String organizationIdentifier)
	{
		return organization(ProcessAuthorizationCode.REMOTE_ORGANIZATION, organizationIdentifier);
	}

	private static Coding organization(ProcessAuthorizationCode code, String organizationIdentifier)
	{
		Coding coding = code.toCoding();
		coding.addExtension(PartyCoding.EXTENSION_ORGANIZATION, organizationIdentifier(organizationIdentifier));
		return coding;
	}

	public static Coding localOrganizationPractitioner(String organizationIdentifier, Coding practitionerRole)
	{
		Coding coding = ProcessAuthorizationCode.LOCAL_ORGANIZATION_PRACTITIONER.toCoding();
		Extension extension = coding.addExtension().setUrl(PartyCoding.EXTENSION_ORGANIZATION_PRACTITIONER);
		extension.addExtension(PartyCoding.ORGANIZATION, organizationIdentifier(organizationIdentifier));
		extension.addExtension(PartyCoding.PRACTITIONER_ROLE, practitionerRole.copy());
		return coding;
	}

	public static Coding localRole(String parentIdentifier, String roleCode)
	{
		return role(ProcessAuthorizationCode.LOCAL_ROLE, parentIdentifier, roleCode);
	}

	public static Coding remoteRole(String parentIdentifier, String roleCode)
	{
		return role(ProcessAuthorizationCode.REMOTE_ROLE, parentIdentifier, roleCode);
	}

	private static Coding role(ProcessAuthorizationCode code, String parentIdentifier, String roleCode)
	{
		Coding coding = code.toCoding();
		Extension extension = coding.addExtension().setUrl(PartyCoding.EXTENSION_PARENT_ORGANIZATION_ROLE);
		extension.addExtension(PartyCoding.PARENT_ORGANIZATION, organizationIdentifier(parentIdentifier));
		extension.addExtension(PartyCoding.ORGANIZATION_ROLE,
				new Coding(Network.ORGANIZATION_ROLE_SYSTEM, roleCode, null));
		return coding;
	}

	public static Coding localRolePractitioner(String parentIdentifier, String roleCode, Coding practitionerRole)
	{
		Coding coding = ProcessAuthorizationCode.LOCAL_ROLE_PRACTITIONER.toCoding();
		Extension extension = coding.addExtension()
				.setUrl(PartyCoding.EXTENSION_PARENT_ORGANIZATION_ROLE_PRACTITIONER);
		extension.addExtension(PartyCoding.PARENT_ORGANIZATION, organizationIdentifier(parentIdentifier));
		extension.addExtension(PartyCoding.ORGANIZATION_ROLE,
				new Coding(Network.ORGANIZATION_ROLE_SYSTEM, roleCode, null));
		extension.addExtension(PartyCoding.PRACTITIONER_ROLE, practitionerRole.copy());
		return coding;
	}

	private static Identifier organizationIdentifier(String value)
	{
		return new Identifier().setSystem(DsfIdentifiers.ORGANIZATION).setValue(value);
	}
}
