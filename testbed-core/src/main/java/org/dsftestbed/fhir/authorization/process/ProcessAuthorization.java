package org.dsftestbed.fhir.authorization.process;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.dsftestbed.fhir.authorization.lookup.AuthorizationContext;
import org.dsftestbed.fhir.authorization.lookup.Membership;
import org.dsftestbed.fhir.identity.Identity;

/**
 * One {@code extension-process-authorization} of an ActivityDefinition: who may send the message
 * {@code messageName} as a Task with profile {@code taskProfile}, and which local organizations may receive it.
 */
public record ProcessAuthorization(String messageName, String taskProfile, List<Party> requesters,
		List<Party> recipients)
{
	/**
	 * Whether a Task claiming {@code taskProfiles} fits: one of them equals the task-profile, or equals it without its
	 * {@code |version} (a client that does not care about the Task profile's version).
	 */
	public boolean coversTaskProfiles(Collection<String> taskProfiles)
	{
		String unversioned = taskProfile.contains("|") ? taskProfile.substring(0, taskProfile.indexOf('|'))
				: taskProfile;
		return taskProfiles.stream().anyMatch(p -> p.equals(taskProfile) || p.equals(unversioned));
	}

	public boolean admitsRequester(Identity identity, AuthorizationContext context)
	{
		return admits(requesters, identity, context);
	}

	public boolean admitsRecipient(Identity identity, AuthorizationContext context)
	{
		return admits(recipients, identity, context);
	}

	private static boolean admits(List<Party> parties, Identity identity, AuthorizationContext context)
	{
		Supplier<List<Membership>> memberships = () -> Membership.allOf(identity.organization(), context);
		return parties.stream().anyMatch(p -> p.admits(identity, memberships));
	}
}
