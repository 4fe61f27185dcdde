package org.dsftestbed.fhir.authorization.process;

import java.util.Arrays;
import java.util.Optional;

import org.hl7.fhir.r4.model.Coding;

/**
 * The codes of {@code http://dsf.dev/fhir/CodeSystem/process-authorization}: who may send (requester) or receive
 * (recipient) a process message. Practitioner codes and REMOTE codes are requester-only.
 */
public enum ProcessAuthorizationCode
{
	LOCAL_ALL(Scope.ALL, true, false),
	LOCAL_ALL_PRACTITIONER(Scope.ALL, true, true),
	REMOTE_ALL(Scope.ALL, false, false),
	LOCAL_ORGANIZATION(Scope.ORGANIZATION, true, false),
	LOCAL_ORGANIZATION_PRACTITIONER(Scope.ORGANIZATION, true, true),
	REMOTE_ORGANIZATION(Scope.ORGANIZATION, false, false),
	LOCAL_ROLE(Scope.ROLE, true, false),
	LOCAL_ROLE_PRACTITIONER(Scope.ROLE, true, true),
	REMOTE_ROLE(Scope.ROLE, false, false);

	public static final String SYSTEM = "http://dsf.dev/fhir/CodeSystem/process-authorization";

	/** Which organizations a code selects. */
	public enum Scope
	{
		ALL, ORGANIZATION, ROLE
	}

	private final Scope scope;
	private final boolean local;
	private final boolean practitioner;

	ProcessAuthorizationCode(Scope scope, boolean local, boolean practitioner)
	{
		this.scope = scope;
		this.local = local;
		this.practitioner = practitioner;
	}

	public static Optional<ProcessAuthorizationCode> of(Coding coding)
	{
		if (coding == null || !SYSTEM.equals(coding.getSystem()) || !coding.hasCode())
			return Optional.empty();
		return Arrays.stream(values()).filter(c -> c.name().equals(coding.getCode())).findFirst();
	}

	public Scope scope()
	{
		return scope;
	}

	public boolean local()
	{
		return local;
	}

	public boolean practitioner()
	{
		return practitioner;
	}

	/** Only local organizations receive messages, and a recipient is never a practitioner. */
	public boolean allowedAsRecipient()
	{
		return local && !practitioner;
	}

	public Coding toCoding()
	{
		return new Coding(SYSTEM, name(), null);
	}
}
