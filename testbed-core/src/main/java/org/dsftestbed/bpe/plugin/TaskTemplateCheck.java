package org.dsftestbed.bpe.plugin;

import java.util.Optional;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResourceType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

import dev.dsf.bpe.v1.constants.CodeSystems.BpmnMessage;
import dev.dsf.bpe.v1.constants.NamingSystems.OrganizationIdentifier;
import dev.dsf.bpe.v1.constants.NamingSystems.TaskIdentifier;

/**
 * A plugin's Task resources are templates a user of the local organization can start a process with (the DSF UI
 * lists them): status draft, a task identifier, the local organization as requester and single recipient (by
 * identifier, type Organization), an instantiatesCanonical naming a process, exactly one message-name input, no
 * output. Whether the template belongs to the process it is listed for is checked per process
 * ({@link ProcessAssembly}). All problems are reported; a template with any is left out.
 */
final class TaskTemplateCheck
{
	private final String localOrganizationIdentifier;
	private final Findings findings;

	TaskTemplateCheck(String localOrganizationIdentifier, Findings findings)
	{
		this.localOrganizationIdentifier = localOrganizationIdentifier;
		this.findings = findings;
	}

	void check(String file, Task task)
	{
		checkIdentifier(file, task);
		if (task.getStatus() != TaskStatus.DRAFT)
			findings.add(Rule.TASK_STATUS, file,
					"Task.status is " + (task.hasStatus() ? "'" + task.getStatus().toCode() + "'" : "missing")
							+ ", a template's must be 'draft'");
		checkRequester(file, task);
		checkRecipient(file, task);
		checkInstantiatesCanonical(file, task);
		checkMessageNameInput(file, task);
		if (task.hasOutput())
			findings.add(Rule.TASK_OUTPUT, file, "Task.output is not empty");
	}

	private void checkIdentifier(String file, Task task)
	{
		Optional<Identifier> identifier = TaskIdentifier.findFirst(task);
		if (identifier.isEmpty())
			findings.add(Rule.TASK_IDENTIFIER, file, "Task has no identifier with system " + TaskIdentifier.SID);
		else if (!identifier.get().hasValue())
			findings.add(Rule.TASK_IDENTIFIER, file, "Task identifier " + TaskIdentifier.SID + " has no value");
		else if (identifier.get().getValue().contains("|"))
			findings.add(Rule.TASK_IDENTIFIER, file,
					"Task identifier value '" + identifier.get().getValue() + "' contains '|'");
	}

	private void checkRequester(String file, Task task)
	{
		if (!task.hasRequester())
			findings.add(Rule.TASK_REQUESTER, file, "Task.requester is missing");
		else
			checkLocalOrganization(Rule.TASK_REQUESTER, file, "Task.requester", task.getRequester());
	}

	private void checkRecipient(String file, Task task)
	{
		int recipients = task.hasRestriction() ? task.getRestriction().getRecipient().size() : 0;
		if (recipients != 1)
			findings.add(Rule.TASK_RECIPIENT, file,
					"Task.restriction.recipient has " + recipients + " entries, expected exactly 1");
		else
			checkLocalOrganization(Rule.TASK_RECIPIENT, file, "Task.restriction.recipient",
					task.getRestriction().getRecipientFirstRep());
	}

	private void checkLocalOrganization(Rule rule, String file, String path, Reference reference)
	{
		if (localOrganizationIdentifier == null)
		{
			findings.add(rule, file, path + " cannot be checked: the local organization's identifier is unknown");
			return;
		}
		if (!ResourceType.Organization.name().equals(reference.getType()))
			findings.add(rule, file, path + ".type is " + quoted(reference.getType()) + ", expected 'Organization'");
		String system = reference.hasIdentifier() ? reference.getIdentifier().getSystem() : null;
		if (!OrganizationIdentifier.SID.equals(system))
			findings.add(rule, file, path + ".identifier.system is " + quoted(system) + ", expected '"
					+ OrganizationIdentifier.SID + "'");
		String value = reference.hasIdentifier() ? reference.getIdentifier().getValue() : null;
		if (!localOrganizationIdentifier.equals(value))
			findings.add(rule, file, path + ".identifier.value is " + quoted(value)
					+ ", expected the local organization '" + localOrganizationIdentifier + "' (#{organization})");
	}

	private void checkInstantiatesCanonical(String file, Task task)
	{
		if (!task.hasInstantiatesCanonical())
			// DSF matches the missing value against its pattern and throws
			findings.addAbortingDsfStartup(Rule.TASK_INSTANTIATES_CANONICAL, file,
					"Task.instantiatesCanonical is missing");
		else if (ProcessUrl.parseCanonical(task.getInstantiatesCanonical()).isEmpty())
			findings.add(Rule.TASK_INSTANTIATES_CANONICAL, file, "Task.instantiatesCanonical '"
					+ task.getInstantiatesCanonical() + "' does not have the form " + ProcessUrl.FORM
					+ "|<major>.<minor>");
	}

	private void checkMessageNameInput(String file, Task task)
	{
		long messageNames = task.getInput().stream()
				.filter(i -> i.getType().getCoding().stream().anyMatch(TaskTemplateCheck::isMessageName)).count();
		if (messageNames != 1)
			findings.add(Rule.TASK_MESSAGE_NAME_INPUT, file, "Task has " + messageNames + " inputs of type "
					+ BpmnMessage.URL + "|" + BpmnMessage.Codes.MESSAGE_NAME + ", expected exactly 1");
	}

	private static boolean isMessageName(Coding coding)
	{
		return BpmnMessage.URL.equals(coding.getSystem()) && BpmnMessage.Codes.MESSAGE_NAME.equals(coding.getCode());
	}

	private static String quoted(String value)
	{
		return value == null ? "missing" : "'" + value + "'";
	}
}
