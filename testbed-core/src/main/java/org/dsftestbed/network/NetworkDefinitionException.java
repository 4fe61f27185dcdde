package org.dsftestbed.network;

/**
 * A network definition that cannot be used, with the place of the problem:
 * {@code network.yaml:12:9: organizations[1].roles.example.org[0]: unknown role 'DICC'; known: UAC, COS, ...}.
 */
public class NetworkDefinitionException extends IllegalArgumentException
{
	private static final long serialVersionUID = 1L;

	private final String source;
	private final int line;
	private final String field;
	private final String problem;

	/**
	 * @param line
	 *            1-based line, or 0 when the problem has no single place
	 * @param field
	 *            path of the field, e.g. {@code organizations[1].hostnames[0]}, or {@code null}
	 */
	public NetworkDefinitionException(String source, int line, int column, String field, String problem)
	{
		super(format(source, line, column, field, problem));
		this.source = source;
		this.line = line;
		this.field = field;
		this.problem = problem;
	}

	private static String format(String source, int line, int column, String field, String problem)
	{
		StringBuilder message = new StringBuilder(source);
		if (line > 0)
			message.append(':').append(line).append(':').append(column);
		message.append(": ");
		if (field != null && !field.isEmpty())
			message.append(field).append(": ");
		return message.append(problem).toString();
	}

	public String source()
	{
		return source;
	}

	public int line()
	{
		return line;
	}

	public String field()
	{
		return field;
	}

	public String problem()
	{
		return problem;
	}
}
