package org.dsftestbed.fhir.authorization;

import org.dsftestbed.fhir.authorization.lookup.DsfIdentifiers;
import org.dsftestbed.fhir.authorization.read.ReadAccessTags;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/** Read-access tag codings for test resources. */
public final class Tags
{
	private Tags()
	{
	}

	public static Coding all()
	{
		return new Coding(ReadAccessTags.SYSTEM, ReadAccessTags.ALL, null);
	}

	public static Coding local()
	{
		return new Coding(ReadAccessTags.SYSTEM, ReadAccessTags.LOCAL, null);
	}

	public static Coding organization(String organizationIdentifier)
	{
		Coding tag = new Coding(ReadAccessTags.SYSTEM, ReadAccessTags.ORGANIZATION, null);
		tag.addExtension(ReadAccessTags.EXTENSION_ORGANIZATION,
				new Identifier().setSystem(DsfIdentifiers.ORGANIZATION).setValue(organizationIdentifier));
		return tag;
	}

	public static Coding role(String parentOrganizationIdentifier, String roleCode)
	{
		Coding tag = new Coding(ReadAccessTags.SYSTEM, ReadAccessTags.ROLE, null);
		Extension role = tag.addExtension().setUrl(ReadAccessTags.EXTENSION_ROLE);
		role.addExtension(ReadAccessTags.EXTENSION_ROLE_PARENT_ORGANIZATION,
				new Identifier().setSystem(DsfIdentifiers.ORGANIZATION).setValue(parentOrganizationIdentifier));
		role.addExtension(ReadAccessTags.EXTENSION_ROLE_ORGANIZATION_ROLE,
				new Coding(Network.ORGANIZATION_ROLE_SYSTEM, roleCode, null));
		return tag;
	}

	/** Adds the tags to the resource and returns it. */
	public static <R extends Resource> R tagged(R resource, Coding... tags)
	{
		for (Coding tag : tags)
			resource.getMeta().addTag(tag);
		return resource;
	}
}
