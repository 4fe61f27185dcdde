package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.Expect.equal;
import static org.dsftestbed.bpe.conformance.Expect.isTrue;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.variables.Variables;
import dev.dsf.fhir.authorization.read.ReadAccessHelper;

/**
 * {@code ReadAccessHelper} (spec §3.1) on resources built here, and the tags the local server keeps on a resource
 * created with them.
 */
public class ReadAccessHelperCheck extends ConformanceActivity
{
	public ReadAccessHelperCheck(ProcessPluginApi api)
	{
		super(api);
	}

	private static List<String> tagCodes(org.hl7.fhir.r4.model.Resource resource)
	{
		return resource.getMeta().getTag().stream().filter(t -> ReadAccessHelper.READ_ACCESS_TAG_SYSTEM.equals(t.getSystem()))
				.map(Coding::getCode).sorted().toList();
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		var helper = api.getReadAccessHelper();
		Organization external = api.getOrganizationProvider().getOrganization(ConformanceNetwork.EXTERNAL)
				.orElseThrow();

		checks.add("localTag", () ->
		{
			DocumentReference d = helper.addLocal(new DocumentReference());
			isTrue(helper.hasLocal(d), "LOCAL tag");
			isTrue(helper.isValid(d), "LOCAL alone to be valid");
			isTrue(!helper.hasAll(d), "no ALL tag");
		}).add("organizationTag", () ->
		{
			DocumentReference d = helper.addOrganization(helper.addLocal(new DocumentReference()), external);
			isTrue(helper.hasOrganization(d, ConformanceNetwork.EXTERNAL), "ORGANIZATION tag for the external org");
			isTrue(helper.hasOrganization(d, external), "ORGANIZATION tag for the external Organization");
			isTrue(helper.hasAnyOrganization(d), "any ORGANIZATION tag");
			isTrue(!helper.hasOrganization(d, ConformanceNetwork.LOCAL), "no ORGANIZATION tag for the local org");
			isTrue(helper.isValid(d), "LOCAL + ORGANIZATION to be valid");
			equal(List.of("LOCAL", "ORGANIZATION"), tagCodes(d));
		}).add("roleTag", () ->
		{
			DocumentReference d = helper.addRole(helper.addLocal(new DocumentReference()), ConformanceNetwork.PARENT,
					ConformanceNetwork.ROLE_SYSTEM, "DIC");
			isTrue(helper.hasRole(d, ConformanceNetwork.PARENT, ConformanceNetwork.ROLE_SYSTEM, "DIC"), "ROLE tag DIC");
			isTrue(!helper.hasRole(d, ConformanceNetwork.PARENT, ConformanceNetwork.ROLE_SYSTEM, "TTP"),
					"no ROLE tag TTP");
			isTrue(helper.hasAnyRole(d), "any ROLE tag");
			OrganizationAffiliation affiliation = new OrganizationAffiliation();
			affiliation.getOrganization().getIdentifier().setSystem(ReadAccessHelper.ORGANIZATION_IDENTIFIER_SYSTEM)
					.setValue(ConformanceNetwork.PARENT);
			affiliation.addCode().addCoding(new Coding(ConformanceNetwork.ROLE_SYSTEM, "DIC", null));
			isTrue(helper.hasRole(d, affiliation), "ROLE tag matching the affiliation");
			isTrue(helper.isValid(d), "LOCAL + ROLE to be valid");
		}).add("allTag", () ->
		{
			DocumentReference d = helper.addAll(new DocumentReference());
			isTrue(helper.hasAll(d), "ALL tag");
			isTrue(helper.isValid(d), "ALL alone to be valid");
		}).add("invalidCombinations", () ->
		{
			isTrue(!helper.isValid(new DocumentReference()), "no tag to be invalid");
			DocumentReference orgWithoutLocal = new DocumentReference();
			orgWithoutLocal.getMeta().addTag(ReadAccessHelper.READ_ACCESS_TAG_SYSTEM, "ORGANIZATION", null);
			isTrue(!helper.isValid(orgWithoutLocal), "ORGANIZATION without LOCAL and extension to be invalid");
		}).add("tagsKeptByTheLocalServer", () ->
		{
			DocumentReference d = helper.addOrganization(helper.addLocal(new DocumentReference()), external);
			d.setStatus(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.CURRENT);
			d.addContent().getAttachment().setContentType("text/plain").setData("conformance".getBytes());
			DocumentReference created = api.getFhirWebserviceClientProvider().getLocalWebserviceClient()
					.create(d);
			equal(List.of("LOCAL", "ORGANIZATION"), tagCodes(created));
			isTrue(helper.hasOrganization(created, ConformanceNetwork.EXTERNAL), "the ORGANIZATION tag kept");
		});
	}
}
