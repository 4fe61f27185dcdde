package org.dsftestbed.connectivity.fhir;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskOutputComponent;

import dev.dsf.bpe.v1.constants.NamingSystems.EndpointIdentifier;
import dev.dsf.bpe.v1.constants.NamingSystems.OrganizationIdentifier;
import dev.dsf.bpe.v1.variables.Target;

/**
 * Writes one target's result onto the start Task: a {@code ping-status} output and, when it failed, an {@code error}
 * output, both naming the target with the {@link Connectivity#TARGET_EXTENSION}. Outputs stay sorted by endpoint
 * identifier (status before error), whatever order the targets answer in, as the public ping-pong plugin sorts them.
 */
public final class TargetResults
{
	private TargetResults()
	{
	}

	/** A target that answered with a pong. */
	public static void addPongReceived(Task startTask, Target target)
	{
		insertSorted(startTask, statusOutput(target, TargetStatus.PONG_RECEIVED));
	}

	/** A target that failed: its status and error code, with a message for people reading the Task. */
	public static void addFailure(Task startTask, Target target, TargetStatus status, String errorCode,
			String errorMessage)
	{
		insertSorted(startTask, statusOutput(target, status));

		TaskOutputComponent error = output(target, Connectivity.ERROR,
				new Coding(Connectivity.ERROR_CODE_SYSTEM, errorCode, null));
		if (errorMessage != null && !errorMessage.isBlank())
			error.getExtensionByUrl(Connectivity.TARGET_EXTENSION).addExtension(Connectivity.TARGET_ERROR_MESSAGE,
					new StringType(errorMessage));
		insertSorted(startTask, error);
	}

	private static TaskOutputComponent statusOutput(Target target, TargetStatus status)
	{
		return output(target, Connectivity.PING_STATUS, new Coding(Connectivity.STATUS_CODE_SYSTEM, status.code(), null));
	}

	private static TaskOutputComponent output(Target target, String type, Coding value)
	{
		TaskOutputComponent output = new TaskOutputComponent(
				new CodeableConcept(new Coding(Connectivity.CODE_SYSTEM, type, null)), value);
		Extension targetExtension = output.addExtension().setUrl(Connectivity.TARGET_EXTENSION);
		targetExtension.addExtension(Connectivity.TARGET_ORGANIZATION,
				OrganizationIdentifier.withValue(target.getOrganizationIdentifierValue()));
		targetExtension.addExtension(Connectivity.TARGET_ENDPOINT,
				EndpointIdentifier.withValue(target.getEndpointIdentifierValue()));
		return output;
	}

	private static final Comparator<TaskOutputComponent> ORDER = Comparator
			.comparing((TaskOutputComponent o) -> endpointIdentifier(o).orElse(""))
			.thenComparing(o -> Connectivity.ERROR.equals(o.getType().getCodingFirstRep().getCode()));

	private static void insertSorted(Task startTask, TaskOutputComponent output)
	{
		List<TaskOutputComponent> outputs = startTask.getOutput();
		int position = outputs.size();
		while (position > 0 && isTargetOutput(outputs.get(position - 1))
				&& ORDER.compare(outputs.get(position - 1), output) > 0)
			position--;
		outputs.add(position, output);
	}

	private static boolean isTargetOutput(TaskOutputComponent output)
	{
		return output.hasExtension(Connectivity.TARGET_EXTENSION);
	}

	/** The endpoint identifier value an output names, if it is one of this plugin's target outputs. */
	public static Optional<String> endpointIdentifier(TaskOutputComponent output)
	{
		return Optional.ofNullable(output.getExtensionByUrl(Connectivity.TARGET_EXTENSION))
				.map(e -> e.getExtensionByUrl(Connectivity.TARGET_ENDPOINT)).map(Extension::getValue)
				.filter(Identifier.class::isInstance).map(v -> ((Identifier) v).getValue());
	}
}
