package parc.processes.design;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.processdesign.ProcessDesignService;
import parc.orchestrator.processdesign.ProcessOrigin;
import parc.orchestrator.processdesign.ProcessProblem;
import parc.orchestrator.processdesign.ProcessRefusedException;
import parc.orchestrator.processdesign.ProcessSummary;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a designer may and may not do to {@code deploy-package}, checked by the real
 * engine with Parc's real delegates: every element template of
 * {@code docs/modeler/parc-element-templates.json}, applied as Camunda Modeler applies
 * it, gives a version the engine accepts; a version where the machine could end without
 * being recorded DONE is refused at the element that allows it. Its own database (the
 * {@code parc.test.context} property): it changes the process other tests run.
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
		"parc.test.context=designed-deploy-package" })
class DesignedDeployPackageTest {

	static final Path TEMPLATES = Path.of("../docs/modeler/parc-element-templates.json");

	@Autowired
	ProcessDesignService processes;

	@AfterEach
	void shippedVersionInUseAgain() {
		ProcessSummary deployPackage = this.processes.processes("deploy-package").get(0);
		if (deployPackage.inUse().origin() != ProcessOrigin.SHIPPED) {
			this.processes.rollBack("deploy-package", deployPackage.shippedVersion());
		}
	}

	static String shipped() throws IOException {
		try (InputStream in = DesignedDeployPackageTest.class.getResourceAsStream("/bpmn/deploy-package.bpmn")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** A step inserted on the way from the last phase to "Record the machine done". */
	static String withStepBeforeDone(String bpmn, String step, String stepId) {
		return bpmn.replace(
				"<bpmn:sequenceFlow id=\"Flow_ShutDownMachineDone\" sourceRef=\"CallActivity_ShutDownMachine\" "
						+ "targetRef=\"Task_RecordMachineDone\" />",
				"<bpmn:sequenceFlow id=\"Flow_ShutDownMachineDone\" sourceRef=\"CallActivity_ShutDownMachine\" "
						+ "targetRef=\"" + stepId + "\" />" + step + "<bpmn:sequenceFlow id=\"Flow_StepDone\" "
						+ "sourceRef=\"" + stepId + "\" targetRef=\"Task_RecordMachineDone\" />");
	}

	/**
	 * The element Camunda Modeler writes when a template is applied and filled in: a call
	 * activity with its {@code camunda:in} bindings, or a service task with its input
	 * parameters.
	 */
	static String applied(JsonNode template, String id) {
		StringBuilder attributes = new StringBuilder();
		StringBuilder inputs = new StringBuilder();
		StringBuilder parameters = new StringBuilder();
		for (JsonNode property : template.path("properties")) {
			JsonNode binding = property.path("binding");
			String value = property.path("value").asText();
			if (value.isEmpty()) {
				value = "echo";
			}
			switch (binding.path("type").asText()) {
				case "property" -> attributes.append(' ')
					.append(binding.path("name").asText())
					.append("=\"")
					.append(value)
					.append('"');
				case "camunda:in:businessKey" ->
					inputs.append("<camunda:in businessKey=\"").append(value).append("\" />");
				case "camunda:in" -> inputs.append("<camunda:in ")
					.append(binding.path("expression").asBoolean() ? "sourceExpression" : "source")
					.append("=\"")
					.append(value)
					.append("\" target=\"")
					.append(binding.path("target").asText())
					.append("\" />");
				case "camunda:inputParameter" -> parameters.append("<camunda:inputParameter name=\"")
					.append(binding.path("name").asText())
					.append("\">")
					.append(value)
					.append("</camunda:inputParameter>");
				default -> throw new IllegalStateException("Binding not applied by this test: " + binding);
			}
		}
		if (!parameters.isEmpty()) {
			inputs.append("<camunda:inputOutput>").append(parameters).append("</camunda:inputOutput>");
		}
		String element = switch (template.path("elementType").path("value").asText()) {
			case "bpmn:CallActivity" -> "bpmn:callActivity";
			case "bpmn:ServiceTask" -> "bpmn:serviceTask";
			default -> throw new IllegalStateException("Element type not applied by this test: " + template);
		};
		return "<" + element + " id=\"" + id + "\" name=\"" + template.path("name").asText() + "\""
				+ " camunda:modelerTemplate=\"" + template.path("id").asText() + "\"" + attributes
				+ "><bpmn:extensionElements>" + inputs + "</bpmn:extensionElements></" + element + ">";
	}

	@Test
	void shouldAcceptEveryElementTemplateAppliedInTheDeploymentProcess() throws Exception {
		JsonNode templates = new ObjectMapper().readTree(Files.readString(TEMPLATES));
		assertThat(templates.size()).isGreaterThanOrEqualTo(7);
		int steps = 0;
		for (JsonNode template : templates) {
			String id = "Task_Step" + (++steps);
			String bpmn = withStepBeforeDone(shipped(), applied(template, id), id);
			assertThat(bpmn).contains(id);

			assertThat(this.processes.deploy("deploy-package.bpmn", bpmn.getBytes(StandardCharsets.UTF_8),
					ProcessOrigin.CONSOLE))
				.as(template.path("id").asText())
				.hasSize(1);
		}
		for (JsonNode template : templates) {
			for (JsonNode property : template.path("properties")) {
				if ("phase".equals(property.path("binding").path("target").asText())) {
					String phase = property.path("value").asText().replaceAll("[${}']", "");
					assertThat(DeploymentPhase.valueOf(phase)).isNotNull();
				}
			}
		}
	}

	@Test
	void shouldRefuseAVersionWhereTheMachineEndsWithoutBeingRecordedDone() throws Exception {
		String bypass = shipped().replace(
				"<bpmn:sequenceFlow id=\"Flow_SkipSendPowerCommand\" name=\"no\" sourceRef=\"Gateway_SendPowerCommand\" "
						+ "targetRef=\"Task_RecordMachineDone\">",
				"<bpmn:endEvent id=\"EndEvent_Shortcut\" name=\"Finished early\" />"
						+ "<bpmn:sequenceFlow id=\"Flow_SkipSendPowerCommand\" name=\"no\" "
						+ "sourceRef=\"Gateway_SendPowerCommand\" targetRef=\"EndEvent_Shortcut\">");
		String withoutDone = shipped().replace("camunda:delegateExpression=\"${recordMachineDoneDelegate}\"",
				"camunda:type=\"external\" camunda:topic=\"parc-deployment-INVENTORY\"");
		int before = this.processes.processes("deploy-package").get(0).inUse().version();

		assertThatThrownBy(() -> this.processes.deploy("deploy-package.bpmn", bypass.getBytes(StandardCharsets.UTF_8),
				ProcessOrigin.CONSOLE))
			.isInstanceOfSatisfying(ProcessRefusedException.class,
					(refused) -> assertThat(refused.problems()).extracting(ProcessProblem::elementId)
						.containsExactly("EndEvent_Shortcut"));
		assertThatThrownBy(() -> this.processes.deploy("deploy-package.bpmn",
				withoutDone.getBytes(StandardCharsets.UTF_8), ProcessOrigin.CONSOLE))
			.isInstanceOfSatisfying(ProcessRefusedException.class,
					(refused) -> assertThat(refused.problems()).extracting(ProcessProblem::reason)
						.anySatisfy((reason) -> assertThat(reason).contains("Record the machine done")
							.contains("the machine would never show DONE")));
		assertThat(this.processes.processes("deploy-package").get(0).inUse().version()).isEqualTo(before);
	}

}
