package org.dsftestbed.bpe.plugin;

import org.hl7.fhir.r4.model.Resource;

/**
 * A FHIR resource of a plugin, parsed after its placeholders were replaced. A file listed for several processes is
 * parsed once: the processes share the instance, as in DSF.
 */
public record FhirResourceFile(String file, Resource resource)
{
}
