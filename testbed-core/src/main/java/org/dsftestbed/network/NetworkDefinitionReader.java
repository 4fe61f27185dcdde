package org.dsftestbed.network;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates a network definition in YAML. Every problem is reported as a
 * {@link NetworkDefinitionException} naming file, line, column and field.
 *
 * <pre>
 * name: tutorial
 * parameters:            # optional defaults, overridable by the caller, used as ${name}
 *   dics: 3
 * parents:
 *   - identifier: medizininformatik-initiative.de
 * organizations:
 *   - identifier: dic.dsf.test
 *     name: Data Integration Center
 *     hostnames: [dic.dsf.test]            # default: the identifier, if it is a hostname
 *     endpoint: dic.dsf.test               # endpoint identifier, default: the first hostname
 *     roles:
 *       medizininformatik-initiative.de: [DIC]
 *     plugins: [ping]
 *     environment:
 *       DEV_DSF_BPE_EXAMPLE_SETTING: value
 *   - identifier: dic-${n}.dsf.test        # count: N repeats the entry, ${n} = 1..N
 *     count: ${dics}
 * </pre>
 */
public final class NetworkDefinitionReader
{
	/** Identifiers become folder names and URL parts, so they are restricted to a portable set. */
	static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
	static final Pattern HOSTNAME = Pattern
			.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
	/** DSF's Endpoint address rule, with the port limited to four digits as DSF intends. */
	static final Pattern ENDPOINT_ADDRESS = Pattern.compile("https://[0-9a-zA-Z.-]+(:\\d{1,4})?(/[-\\w/]*)?");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_-]*)}");
	private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "parameters", "parents", "organizations");
	private static final Set<String> PARENT_KEYS = Set.of("identifier", "name");
	private static final Set<String> ORGANIZATION_KEYS = Set.of("identifier", "name", "endpoint", "hostnames", "roles",
			"plugins", "environment", "fhirBaseUrl", "count");
	private static final String COUNTER = "n";
	private static final int MAX_COUNT = 500;

	private final String source;
	private final Map<String, String> overrides;

	private NetworkDefinitionReader(String source, Map<String, String> overrides)
	{
		this.source = source;
		this.overrides = overrides;
	}

	public static NetworkDefinition read(Path file)
	{
		return read(file, Map.of());
	}

	/**
	 * @param parameters
	 *            values for the file's {@code parameters}, overriding its defaults
	 */
	public static NetworkDefinition read(Path file, Map<String, String> parameters)
	{
		String text;
		try
		{
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException e)
		{
			throw new NetworkDefinitionException(file.toString(), 0, 0, null, "file not found");
		}
		catch (IOException e)
		{
			throw new NetworkDefinitionException(file.toString(), 0, 0, null, "cannot read: " + e.getMessage());
		}
		String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
		return read(text, file.toString(), defaultName, parameters);
	}

	/**
	 * @param source
	 *            name of the text in messages, e.g. a path or {@code preset:tutorial}
	 * @param defaultName
	 *            network name when the text has no {@code name}
	 */
	public static NetworkDefinition read(String text, String source, String defaultName, Map<String, String> parameters)
	{
		return new NetworkDefinitionReader(source, Map.copyOf(parameters)).parse(text, defaultName);
	}

	private NetworkDefinition parse(String text, String defaultName)
	{
		Node root = compose(text);
		if (root == null)
			throw error(null, null, "the file is empty; expected a mapping with 'organizations'");
		MappingNode top = mapping(root, "(top level)");
		Map<String, NodeTuple> fields = fields(top, "", TOP_LEVEL_KEYS);

		Map<String, String> variables = parameters(fields.get("parameters"));
		String name = fields.containsKey("name") ? string(fields.get("name").getValueNode(), "name", variables)
				: defaultName;

		List<ParentOrganization> parents = parents(fields.get("parents"), variables);

		NodeTuple organizationsField = fields.get("organizations");
		if (organizationsField == null)
			throw error(top, "organizations", "missing; a network needs at least one organization");
		List<OrganizationDefinition> organizations = organizations(organizationsField.getValueNode(), variables,
				parents);

		return new NetworkDefinition(name, source, parents, organizations);
	}

	private Node compose(String text)
	{
		try
		{
			return new Yaml(new LoaderOptions()).compose(new StringReader(text));
		}
		catch (MarkedYAMLException e)
		{
			Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
			String problem = "invalid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage());
			if (e.getContext() != null)
				problem += " (" + e.getContext() + ")";
			if (problem.contains("got {"))
				problem += "; put values with ${...} in quotes, e.g. [\"dic${n}\"]";
			throw new NetworkDefinitionException(source, mark == null ? 0 : mark.getLine() + 1,
					mark == null ? 0 : mark.getColumn() + 1, null, problem);
		}
		catch (YAMLException e)
		{
			throw new NetworkDefinitionException(source, 0, 0, null, "invalid YAML: " + e.getMessage());
		}
	}

	private Map<String, String> parameters(NodeTuple field)
	{
		Map<String, String> values = new LinkedHashMap<>();
		if (field != null)
		{
			MappingNode mapping = mapping(field.getValueNode(), "parameters");
			for (NodeTuple parameter : mapping.getValue())
			{
				String key = string(parameter.getKeyNode(), "parameters", Map.of());
				if (COUNTER.equals(key))
					throw error(parameter.getKeyNode(), "parameters." + key,
							"'" + COUNTER + "' is reserved for the counter of repeated organizations");
				if (values.put(key, string(parameter.getValueNode(), "parameters." + key, Map.of())) != null)
					throw error(parameter.getKeyNode(), "parameters." + key, "given twice");
			}
		}
		for (Map.Entry<String, String> override : overrides.entrySet())
		{
			if (!values.containsKey(override.getKey()))
				throw new NetworkDefinitionException(source, 0, 0, null, "unknown parameter '" + override.getKey()
						+ "'; known: " + (values.isEmpty() ? "(none)" : String.join(", ", values.keySet())));
			values.put(override.getKey(), override.getValue());
		}
		return values;
	}

	private List<ParentOrganization> parents(NodeTuple field, Map<String, String> variables)
	{
		List<ParentOrganization> parents = new ArrayList<>();
		if (field == null)
			return parents;
		SequenceNode list = sequence(field.getValueNode(), "parents");
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < list.getValue().size(); i++)
		{
			String path = "parents[" + i + "]";
			Map<String, NodeTuple> fields = fields(mapping(list.getValue().get(i), path), path + ".", PARENT_KEYS);
			Node identifierNode = required(fields, "identifier", list.getValue().get(i), path);
			String identifier = identifier(identifierNode, path + ".identifier", variables);
			if (!seen.add(identifier))
				throw error(identifierNode, path + ".identifier", "duplicate parent organization '" + identifier + "'");
			String name = fields.containsKey("name")
					? string(fields.get("name").getValueNode(), path + ".name", variables)
					: null;
			parents.add(new ParentOrganization(identifier, name));
		}
		return parents;
	}

	private List<OrganizationDefinition> organizations(Node node, Map<String, String> variables,
			List<ParentOrganization> parents)
	{
		SequenceNode list = sequence(node, "organizations");
		if (list.getValue().isEmpty())
			throw error(list, "organizations", "empty; a network needs at least one organization");

		List<OrganizationDefinition> organizations = new ArrayList<>();
		Map<String, Node> identifiers = new HashMap<>();
		Map<String, Node> hostnames = new HashMap<>();
		Map<String, Node> endpoints = new HashMap<>();
		Set<String> parentIdentifiers = new LinkedHashSet<>();
		parents.forEach(p -> parentIdentifiers.add(p.identifier()));

		for (int i = 0; i < list.getValue().size(); i++)
		{
			String path = "organizations[" + i + "]";
			Node entry = list.getValue().get(i);
			Map<String, NodeTuple> fields = fields(mapping(entry, path), path + ".", ORGANIZATION_KEYS);
			int count = 1;
			boolean repeated = fields.containsKey("count");
			if (repeated)
				count = count(fields.get("count").getValueNode(), path + ".count", variables);

			for (int n = 1; n <= count; n++)
			{
				Map<String, String> scope = variables;
				if (repeated)
				{
					scope = new LinkedHashMap<>(variables);
					scope.put(COUNTER, Integer.toString(n));
				}
				OrganizationDefinition organization = organization(entry, fields, path, scope, parentIdentifiers);

				Node identifierNode = fields.get("identifier").getValueNode();
				if (identifiers.putIfAbsent(organization.identifier(), identifierNode) != null
						|| parentIdentifiers.contains(organization.identifier()))
					throw error(identifierNode, path + ".identifier",
							"duplicate organization identifier '" + organization.identifier() + "'");
				for (String hostname : organization.hostnames())
					if (hostnames.putIfAbsent(hostname, entry) != null)
						throw error(fields.containsKey("hostnames") ? fields.get("hostnames").getValueNode() : entry,
								path + ".hostnames", "hostname '" + hostname + "' is used by another organization");
				if (endpoints.putIfAbsent(organization.endpointIdentifier(), entry) != null)
					throw error(fields.containsKey("endpoint") ? fields.get("endpoint").getValueNode() : entry,
							path + ".endpoint",
							"endpoint identifier '" + organization.endpointIdentifier() + "' is used by another organization");
				organizations.add(organization);
			}
		}
		return organizations;
	}

	private OrganizationDefinition organization(Node entry, Map<String, NodeTuple> fields, String path,
			Map<String, String> variables, Set<String> parentIdentifiers)
	{
		Node identifierNode = required(fields, "identifier", entry, path);
		String identifier = identifier(identifierNode, path + ".identifier", variables);
		String name = fields.containsKey("name") ? string(fields.get("name").getValueNode(), path + ".name", variables)
				: null;

		List<String> hostnames = new ArrayList<>();
		if (fields.containsKey("hostnames"))
		{
			SequenceNode list = sequence(fields.get("hostnames").getValueNode(), path + ".hostnames");
			if (list.getValue().isEmpty())
				throw error(list, path + ".hostnames", "empty; give at least one hostname");
			for (int i = 0; i < list.getValue().size(); i++)
			{
				String fieldPath = path + ".hostnames[" + i + "]";
				String hostname = string(list.getValue().get(i), fieldPath, variables);
				if (!HOSTNAME.matcher(hostname).matches())
					throw error(list.getValue().get(i), fieldPath,
							"'" + hostname + "' is not a valid hostname (lowercase letters, digits, '-' and '.')");
				if (hostnames.contains(hostname))
					throw error(list.getValue().get(i), fieldPath, "hostname '" + hostname + "' listed twice");
				hostnames.add(hostname);
			}
		}
		else if (HOSTNAME.matcher(identifier).matches())
			hostnames.add(identifier);
		else
			throw error(entry, path + ".hostnames",
					"missing; required because the identifier '" + identifier + "' is not a valid hostname");

		String endpoint = fields.containsKey("endpoint")
				? identifier(fields.get("endpoint").getValueNode(), path + ".endpoint", variables)
				: hostnames.get(0);

		Map<String, List<String>> roles = fields.containsKey("roles")
				? roles(fields.get("roles").getValueNode(), path + ".roles", variables, parentIdentifiers)
				: Map.of();

		List<String> plugins = new ArrayList<>();
		if (fields.containsKey("plugins"))
		{
			SequenceNode list = sequence(fields.get("plugins").getValueNode(), path + ".plugins");
			for (int i = 0; i < list.getValue().size(); i++)
				plugins.add(string(list.getValue().get(i), path + ".plugins[" + i + "]", variables));
		}

		Map<String, String> environment = new LinkedHashMap<>();
		if (fields.containsKey("environment"))
		{
			MappingNode mapping = mapping(fields.get("environment").getValueNode(), path + ".environment");
			for (NodeTuple variable : mapping.getValue())
			{
				String key = string(variable.getKeyNode(), path + ".environment", variables);
				if (key.isBlank() || key.chars().anyMatch(Character::isWhitespace))
					throw error(variable.getKeyNode(), path + ".environment",
							"'" + key + "' is not a valid variable name (no blanks)");
				if (environment.put(key, string(variable.getValueNode(), path + ".environment." + key, variables)) != null)
					throw error(variable.getKeyNode(), path + ".environment." + key, "given twice");
			}
		}

		String fhirBaseUrl = null;
		if (fields.containsKey("fhirBaseUrl"))
		{
			Node urlNode = fields.get("fhirBaseUrl").getValueNode();
			fhirBaseUrl = string(urlNode, path + ".fhirBaseUrl", variables);
			if (!ENDPOINT_ADDRESS.matcher(fhirBaseUrl).matches())
				throw error(urlNode, path + ".fhirBaseUrl", "'" + fhirBaseUrl
						+ "' is not a DSF endpoint address: it must be https://host[:port]/path with a port of at most 4 digits");
		}

		return new OrganizationDefinition(identifier, name, endpoint, hostnames, roles, plugins, environment,
				fhirBaseUrl);
	}

	private Map<String, List<String>> roles(Node node, String path, Map<String, String> variables,
			Set<String> parentIdentifiers)
	{
		Map<String, List<String>> roles = new LinkedHashMap<>();
		for (NodeTuple entry : mapping(node, path).getValue())
		{
			String parent = string(entry.getKeyNode(), path, variables);
			String parentPath = path + "." + parent;
			if (!parentIdentifiers.contains(parent))
				throw error(entry.getKeyNode(), parentPath, "unknown parent organization '" + parent + "'; "
						+ (parentIdentifiers.isEmpty() ? "declare it under 'parents'"
								: "known: " + String.join(", ", parentIdentifiers)));
			if (roles.containsKey(parent))
				throw error(entry.getKeyNode(), parentPath, "given twice");
			SequenceNode codes = sequence(entry.getValueNode(), parentPath);
			if (codes.getValue().isEmpty())
				throw error(codes, parentPath, "no roles; give at least one of " + String.join(", ", OrganizationRoles.codes()));
			List<String> values = new ArrayList<>();
			for (int i = 0; i < codes.getValue().size(); i++)
			{
				String code = string(codes.getValue().get(i), parentPath + "[" + i + "]", variables);
				if (!OrganizationRoles.isKnown(code))
					throw error(codes.getValue().get(i), parentPath + "[" + i + "]", "unknown role '" + code
							+ "'; known: " + String.join(", ", OrganizationRoles.codes()));
				if (values.contains(code))
					throw error(codes.getValue().get(i), parentPath + "[" + i + "]", "role '" + code + "' listed twice");
				values.add(code);
			}
			roles.put(parent, values);
		}
		return roles;
	}

	private int count(Node node, String path, Map<String, String> variables)
	{
		String value = string(node, path, variables);
		try
		{
			int count = Integer.parseInt(value);
			if (count < 1 || count > MAX_COUNT)
				throw error(node, path, "must be between 1 and " + MAX_COUNT + ", was " + count);
			return count;
		}
		catch (NumberFormatException e)
		{
			throw error(node, path, "must be a whole number, was '" + value + "'");
		}
	}

	private Map<String, NodeTuple> fields(MappingNode node, String prefix, Set<String> allowed)
	{
		Map<String, NodeTuple> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : node.getValue())
		{
			String key = string(tuple.getKeyNode(), prefix.isEmpty() ? "(top level)" : prefix, Map.of());
			if (!allowed.contains(key))
				throw error(tuple.getKeyNode(), prefix + key,
						"unknown field; known: " + String.join(", ", new TreeSet<>(allowed)));
			if (fields.put(key, tuple) != null)
				throw error(tuple.getKeyNode(), prefix + key, "given twice");
		}
		return fields;
	}

	private Node required(Map<String, NodeTuple> fields, String key, Node parent, String path)
	{
		NodeTuple tuple = fields.get(key);
		if (tuple == null)
			throw error(parent, path + "." + key, "missing");
		return tuple.getValueNode();
	}

	private String identifier(Node node, String path, Map<String, String> variables)
	{
		String value = string(node, path, variables);
		if (!IDENTIFIER.matcher(value).matches())
			throw error(node, path,
					"'" + value + "' is not a valid identifier (letters, digits, '.', '_' and '-', starting with a letter or digit)");
		return value;
	}

	private String string(Node node, String path, Map<String, String> variables)
	{
		if (!(node instanceof ScalarNode scalar))
			throw error(node, path, "expected a single value, found " + describe(node));
		if ("tag:yaml.org,2002:null".equals(scalar.getTag().getValue()))
			throw error(node, path, "missing value");
		Matcher matcher = VARIABLE.matcher(scalar.getValue());
		StringBuilder result = new StringBuilder();
		while (matcher.find())
		{
			String value = variables.get(matcher.group(1));
			if (value == null)
				throw error(node, path, "unknown variable '${" + matcher.group(1) + "}'; known: "
						+ (variables.isEmpty() ? "(none; declare it under 'parameters')"
								: String.join(", ", variables.keySet())));
			matcher.appendReplacement(result, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(result);
		return result.toString().trim();
	}

	private MappingNode mapping(Node node, String path)
	{
		if (node instanceof MappingNode mapping)
			return mapping;
		throw error(node, path, "expected a mapping (key: value lines), found " + describe(node));
	}

	private SequenceNode sequence(Node node, String path)
	{
		if (node instanceof SequenceNode sequence)
			return sequence;
		throw error(node, path, "expected a list, found " + describe(node));
	}

	private static String describe(Node node)
	{
		if (node instanceof ScalarNode scalar)
			return "'" + scalar.getValue() + "'";
		if (node instanceof SequenceNode)
			return "a list";
		return "a mapping";
	}

	private NetworkDefinitionException error(Node node, String field, String problem)
	{
		Mark mark = node == null ? null : node.getStartMark();
		return new NetworkDefinitionException(source, mark == null ? 0 : mark.getLine() + 1,
				mark == null ? 0 : mark.getColumn() + 1, field, problem);
	}
}
