package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.ConformanceNetwork.EXTERNAL;
import static org.dsftestbed.bpe.conformance.ConformanceNetwork.LOCAL;
import static org.dsftestbed.bpe.conformance.ConformanceNetwork.PARENT;
import static org.dsftestbed.bpe.conformance.Expect.empty;
import static org.dsftestbed.bpe.conformance.Expect.equal;
import static org.dsftestbed.bpe.conformance.Expect.present;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.constants.NamingSystems.OrganizationIdentifier;
import dev.dsf.bpe.v1.variables.Variables;

/** The organizations of the allow list as the {@code OrganizationProvider} finds them (spec §4.3, §5.10). */
public class OrganizationProviderCheck extends ConformanceActivity
{
	static final Coding DIC = role("DIC");
	static final Coding COS = role("COS");
	static final Coding TTP = role("TTP");
	static final Coding DTS = role("DTS");
	static final Coding NOT_A_ROLE = role("not-existing-role");
	static final String NOT_EXISTING = "not-existing-identifier-value";

	public OrganizationProviderCheck(ProcessPluginApi api)
	{
		super(api);
	}

	static Coding role(String code)
	{
		return new Coding(ConformanceNetwork.ROLE_SYSTEM, code, null);
	}

	static String identifierValue(Organization organization)
	{
		return OrganizationIdentifier.findFirst(organization).map(Identifier::getValue).orElse(null);
	}

	private static void isOrganization(String expected, Optional<Organization> organization)
	{
		equal(expected, identifierValue(present(organization, "organization " + expected)));
	}

	private static void areOrganizations(Set<String> expected, Collection<Organization> organizations)
	{
		List<String> found = organizations.stream().map(OrganizationProviderCheck::identifierValue).toList();
		equal(expected.size(), found.size());
		equal(expected, found.stream().collect(Collectors.toSet()));
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		var provider = api.getOrganizationProvider();
		Identifier parent = OrganizationIdentifier.withValue(PARENT);

		checks.add("getLocalOrganization", () -> isOrganization(LOCAL, provider.getLocalOrganization()))
				.add("getLocalOrganizationIdentifier", () ->
				{
					Identifier identifier = present(provider.getLocalOrganizationIdentifier(), "local identifier");
					equal(OrganizationIdentifier.SID, identifier.getSystem());
					equal(LOCAL, identifier.getValue());
				})
				.add("getLocalOrganizationIdentifierValue",
						() -> equal(Optional.of(LOCAL), provider.getLocalOrganizationIdentifierValue()))
				.add("getOrganizationByIdentifier",
						() -> isOrganization(EXTERNAL, provider.getOrganization(OrganizationIdentifier.withValue(EXTERNAL))))
				.add("getOrganizationByIdentifierValue", () -> isOrganization(LOCAL, provider.getOrganization(LOCAL)))
				.add("getParentOrganization", () -> isOrganization(PARENT, provider.getOrganization(PARENT)))
				.add("getOrganizationNullOrNotExisting", () ->
				{
					empty(provider.getOrganization((Identifier) null));
					empty(provider.getOrganization((String) null));
					empty(provider.getOrganization(NOT_EXISTING));
					empty(provider.getOrganization(new Identifier().setValue(LOCAL)));
				})
				.add("getOrganizationsByParent", () ->
				{
					areOrganizations(Set.of(LOCAL, EXTERNAL), provider.getOrganizations(parent));
					areOrganizations(Set.of(LOCAL, EXTERNAL), provider.getOrganizations(PARENT));
				})
				.add("getOrganizationsByParentAndRole", () ->
				{
					areOrganizations(Set.of(LOCAL), provider.getOrganizations(parent, DIC));
					areOrganizations(Set.of(LOCAL), provider.getOrganizations(PARENT, COS));
					areOrganizations(Set.of(EXTERNAL), provider.getOrganizations(parent, TTP));
					areOrganizations(Set.of(EXTERNAL), provider.getOrganizations(PARENT, DTS));
				})
				.add("getOrganizationsNullOrNotExisting", () ->
				{
					empty(provider.getOrganizations((Identifier) null));
					empty(provider.getOrganizations((String) null));
					empty(provider.getOrganizations(NOT_EXISTING));
					empty(provider.getOrganizations(LOCAL));
					empty(provider.getOrganizations(parent, null));
					empty(provider.getOrganizations((String) null, DIC));
					empty(provider.getOrganizations(parent, NOT_A_ROLE));
					empty(provider.getOrganizations(NOT_EXISTING, DIC));
				})
				.add("getRemoteOrganizations",
						() -> areOrganizations(Set.of(PARENT, EXTERNAL), provider.getRemoteOrganizations()));
	}
}
