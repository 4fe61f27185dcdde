package org.dsftestbed.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The codes of DSF's organization-role CodeSystem ({@code http://dsf.dev/fhir/CodeSystem/organization-role}), read
 * from the copy shipped in {@code dev.dsf:dsf-fhir-validation} so they never drift from DSF.
 */
public final class OrganizationRoles
{
	public static final String SYSTEM = "http://dsf.dev/fhir/CodeSystem/organization-role";

	private static final String FHIR_NS = "http://hl7.org/fhir";
	private static final String RESOURCE = "fhir/CodeSystem/dsf-organization-role-1.0.0.xml";
	private static final List<String> CODES = load();

	private OrganizationRoles()
	{
	}

	/** All role codes in CodeSystem order, e.g. UAC, COS, CRR, DIC, DMS, DTS, HRP, TTP, AMS. */
	public static List<String> codes()
	{
		return CODES;
	}

	public static boolean isKnown(String code)
	{
		return CODES.contains(code);
	}

	private static List<String> load()
	{
		try (InputStream in = OrganizationRoles.class.getClassLoader().getResourceAsStream(RESOURCE))
		{
			if (in == null)
				throw new IllegalStateException(RESOURCE + " not on the classpath (dev.dsf:dsf-fhir-validation missing)");
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			NodeList concepts = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS(FHIR_NS, "concept");
			List<String> codes = new ArrayList<>();
			for (int i = 0; i < concepts.getLength(); i++)
			{
				NodeList code = ((Element) concepts.item(i)).getElementsByTagNameNS(FHIR_NS, "code");
				if (code.getLength() > 0)
					codes.add(((Element) code.item(0)).getAttribute("value"));
			}
			if (codes.isEmpty())
				throw new IllegalStateException("no concept codes found in " + RESOURCE);
			return List.copyOf(codes);
		}
		catch (IOException e)
		{
			throw new UncheckedIOException(e);
		}
		catch (ParserConfigurationException | SAXException e)
		{
			throw new IllegalStateException("cannot parse " + RESOURCE, e);
		}
	}
}
