package org.dsftestbed.fhir.rest;

import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/** The {@code /metadata} CapabilityStatement: the supported resource types and interactions. */
public final class CapabilityStatementFactory
{
	private final String baseUrl;
	private final Supplier<List<String>> supportedTypes;

	public CapabilityStatementFactory(String baseUrl, Supplier<List<String>> supportedTypes)
	{
		this.baseUrl = baseUrl;
		this.supportedTypes = supportedTypes;
	}

	public CapabilityStatement create()
	{
		CapabilityStatement statement = new CapabilityStatement();
		statement.setStatus(PublicationStatus.ACTIVE).setDate(new Date()).setKind(CapabilityStatementKind.INSTANCE)
				.setFhirVersion(FHIRVersion._4_0_1).addFormat("application/fhir+json").addFormat("application/fhir+xml");
		statement.getSoftware().setName("dsf-testbed (DSF 1.9.0 compatible FHIR server)");
		statement.getImplementation().setUrl(baseUrl).setDescription("DSF FHIR server simulated by dsf-testbed");
		var rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
		for (String type : supportedTypes.get())
		{
			var resource = rest.addResource().setType(type);
			for (TypeRestfulInteraction interaction : List.of(TypeRestfulInteraction.READ,
					TypeRestfulInteraction.VREAD, TypeRestfulInteraction.CREATE, TypeRestfulInteraction.UPDATE,
					TypeRestfulInteraction.DELETE, TypeRestfulInteraction.HISTORYINSTANCE,
					TypeRestfulInteraction.HISTORYTYPE, TypeRestfulInteraction.SEARCHTYPE))
				resource.addInteraction().setCode(interaction);
		}
		return statement;
	}
}
