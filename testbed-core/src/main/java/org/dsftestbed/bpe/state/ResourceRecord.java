package org.dsftestbed.bpe.state;

import java.util.Objects;

/**
 * One FHIR resource the BPE uploaded for a process, as DSF's {@code process_plugin_resources} table keeps it.
 *
 * @param resourceType
 *            e.g. {@code ActivityDefinition}
 * @param criteria
 *            the conditional criteria that identify it on the FHIR server ({@code url=…&version=…}, NamingSystem
 *            {@code name=…}, Task {@code identifier=…&status=draft}); with the type, the record's identity
 * @param resourceId
 *            the id the server assigned, {@code null} where the BPE does not know it
 */
public record ResourceRecord(String resourceType, String criteria, String resourceId)
{
	public ResourceRecord
	{
		Objects.requireNonNull(resourceType, "resourceType");
		Objects.requireNonNull(criteria, "criteria");
	}

	/** Whether both stand for the same resource on the server (id aside). */
	public boolean sameResource(ResourceRecord other)
	{
		return resourceType.equals(other.resourceType) && criteria.equals(other.criteria);
	}

	/** {@code type?criteria}: the conditional URL of the resource. */
	public String searchUrl()
	{
		return resourceType + "?" + criteria;
	}
}
