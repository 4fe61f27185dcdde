package org.dsftestbed.bpe.conformance;

import static org.dsftestbed.bpe.conformance.Expect.empty;
import static org.dsftestbed.bpe.conformance.Expect.equal;
import static org.dsftestbed.bpe.conformance.Expect.present;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.ParameterComponent;
import org.hl7.fhir.r4.model.Task.TaskOutputComponent;

import dev.dsf.bpe.v1.ProcessPluginApi;
import dev.dsf.bpe.v1.constants.CodeSystems.BpmnMessage;
import dev.dsf.bpe.v1.variables.Variables;

/** {@code TaskHelper} on the start Task as the BPE stored it, and on a Task built here. */
public class TaskHelperCheck extends ConformanceActivity
{
	private static final String SYSTEM = "http://example.org/fhir/CodeSystem/conformance";
	private static final String EXTENSION = "http://example.org/fhir/StructureDefinition/marker";

	public TaskHelperCheck(ProcessPluginApi api)
	{
		super(api);
	}

	@Override
	protected void addChecks(Checks checks, DelegateExecution execution, Variables variables)
	{
		var helper = api.getTaskHelper();
		Task start = variables.getStartTask();

		Task built = new Task();
		built.addInput(helper.createInput(new StringType("first"), SYSTEM, "text"));
		built.addInput(helper.createInput(new IntegerType(42), new Coding(SYSTEM, "text", null)));
		ParameterComponent marked = helper.createInput(new StringType("second"), SYSTEM, "text");
		marked.addExtension(EXTENSION, new StringType("x"));
		built.addInput(marked);
		ParameterComponent secondCoding = helper.createInput(new StringType("other-coding"), SYSTEM, "unrelated");
		secondCoding.getType().addCoding(new Coding(SYSTEM, "alias", null));
		built.addInput(secondCoding);

		checks.add("getLocalVersionlessAbsoluteUrl", () -> equal(
				api.getEndpointProvider().getLocalEndpointAddress() + "/Task/" + start.getIdElement().getIdPart(),
				helper.getLocalVersionlessAbsoluteUrl(start)))
				.add("getFirstInputParameterStringValueOfStartTask", () ->
				{
					equal(Optional.of(ConformanceNetwork.START_MESSAGE), helper.getFirstInputParameterStringValue(start,
							BpmnMessage.messageName()));
					equal(Optional.of("TaskHelper"), helper.getFirstInputParameterStringValue(start,
							ConformanceNetwork.TEST_CODE_SYSTEM, ConformanceNetwork.TEST_ACTIVITY));
				})
				.add("businessKeyInputAddedByTheBpe", () -> equal(Optional.of(execution.getBusinessKey()),
						helper.getFirstInputParameterStringValue(start, BpmnMessage.businessKey())))
				.add("inputValuesMatchSystemCodeAndType", () ->
				{
					equal(List.of("first", "second"),
							helper.getInputParameterStringValues(built, SYSTEM, "text").toList());
					equal(42, present(helper.getFirstInputParameterValue(built, SYSTEM, "text", IntegerType.class),
							"an integer input").getValue());
					empty(helper.getFirstInputParameterStringValue(built, SYSTEM, "missing"));
					empty(helper.getFirstInputParameterStringValue(built, "http://other", "text"));
				})
				.add("anyCodingOfTheInputTypeMatches", () -> equal(Optional.of("other-coding"),
						helper.getFirstInputParameterStringValue(built, new Coding(SYSTEM, "alias", null))))
				.add("inputsWithExtension", () ->
				{
					equal(1L, helper.getInputParametersWithExtension(built, SYSTEM, "text", StringType.class, EXTENSION)
							.count());
					equal("second", ((StringType) present(helper.getFirstInputParameterWithExtension(built,
							new Coding(SYSTEM, "text", null), StringType.class, EXTENSION), "a marked input").getValue())
							.getValue());
				})
				.add("inputParametersOfType", () ->
				{
					equal(2L, helper.getInputParameters(built, SYSTEM, "text", StringType.class).count());
					equal(3L, helper.getInputParameters(built, new Coding(SYSTEM, "text", null),
							org.hl7.fhir.r4.model.Type.class).count());
					equal(0L, helper.getInputParameters(null, SYSTEM, "text", StringType.class).count());
				})
				.add("createOutput", () ->
				{
					TaskOutputComponent output = helper.createOutput(new StringType("v"), SYSTEM, "out");
					equal(1, output.getType().getCoding().size());
					equal(SYSTEM, output.getType().getCodingFirstRep().getSystem());
					equal("out", output.getType().getCodingFirstRep().getCode());
					equal("v", ((StringType) output.getValue()).getValue());
				});
	}
}
