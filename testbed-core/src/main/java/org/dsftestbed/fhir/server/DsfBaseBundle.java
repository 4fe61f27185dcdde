package org.dsftestbed.fhir.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.dsftestbed.fhir.context.FhirContexts;
import org.hl7.fhir.r4.model.Bundle;

/**
 * DSF's base resources (StructureDefinitions, CodeSystems, ValueSets, NamingSystems and the BPE Subscriptions) as
 * the transaction Bundle {@code fhir/bundle.xml} that {@code dev.dsf:dsf-fhir-validation:1.9.0} ships and every DSF
 * FHIR server loads at start. Parsed once per JVM (it is 5 MB of XML); each server gets a copy.
 */
public final class DsfBaseBundle
{
	public static final String RESOURCE = "fhir/bundle.xml";

	private static final class Holder
	{
		static final Bundle BUNDLE = parse();
	}

	private DsfBaseBundle()
	{
	}

	public static Bundle copy()
	{
		return Holder.BUNDLE.copy();
	}

	private static Bundle parse()
	{
		try (InputStream in = DsfBaseBundle.class.getClassLoader().getResourceAsStream(RESOURCE))
		{
			if (in == null)
				throw new IllegalStateException(RESOURCE + " not on the classpath (dev.dsf:dsf-fhir-validation missing)");
			return FhirContexts.r4().newXmlParser().parseResource(Bundle.class, in);
		}
		catch (IOException e)
		{
			throw new UncheckedIOException(e);
		}
	}
}
