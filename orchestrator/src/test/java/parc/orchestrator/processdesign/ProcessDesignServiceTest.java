package parc.orchestrator.processdesign;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Process versions through the real engine on PostgreSQL: what the engine refuses before
 * anything is deployed, what it records of what it accepts, roll-back and comparison. The
 * orchestrator alone has none of the processes module's delegates: the processes here use
 * the phase workers' topics and user tasks, which it does have.
 */
@PostgresBackedTest
class ProcessDesignServiceTest {

	@Autowired
	ProcessDesignService processes;

	@Autowired
	RuntimeService runtime;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private static String uniqueKey() {
		return "designed-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A designer's process: approval, then a phase's work. */
	static String approvalThenTransfer(String key, String extra) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://parc/bpmn">
				  <bpmn:process id="%s" name="Approved transfer" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Requested" />
				    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Requested" targetRef="UserTask_Approve" />
				    <bpmn:userTask id="UserTask_Approve" name="Approve the deployment" />
				    <bpmn:sequenceFlow id="Flow_2" sourceRef="UserTask_Approve" targetRef="Task_Transfer" />
				    <bpmn:serviceTask id="Task_Transfer" name="Transfer" camunda:type="external" camunda:topic="parc-deployment-TRANSFER" />
				    <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Transfer" targetRef="EndEvent_Done" />
				    <bpmn:endEvent id="EndEvent_Done" />
				    %s
				  </bpmn:process>
				</bpmn:definitions>
				"""
			.formatted(key, extra);
	}

	private static byte[] bytes(String xml) {
		return xml.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void shouldRecordWhoDeployedAVersionFromTheConsoleAndUseIt() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("dana", null, List.of()));
		String key = uniqueKey();

		List<ProcessVersion> deployed = this.processes.deploy(key + ".bpmn", bytes(approvalThenTransfer(key, "")),
				ProcessOrigin.CONSOLE);

		assertThat(deployed).singleElement().satisfies((version) -> {
			assertThat(version.key()).isEqualTo(key);
			assertThat(version.version()).isEqualTo(1);
			assertThat(version.origin()).isEqualTo(ProcessOrigin.CONSOLE);
			assertThat(version.deployedBy()).isEqualTo("dana");
			assertThat(version.inUse()).isTrue();
		});
		assertThat(this.processes.processes(key)).singleElement()
			.satisfies((summary) -> assertThat(summary.inUse().version()).isEqualTo(1));
	}

	@Test
	void shouldDeployNothingWhenTheFileIsTheVersionInUse() {
		String key = uniqueKey();
		this.processes.deploy(key + ".bpmn", bytes(approvalThenTransfer(key, "")), ProcessOrigin.CONSOLE);

		assertThat(this.processes.deploy(key + ".bpmn", bytes(approvalThenTransfer(key, "")), ProcessOrigin.CONSOLE))
			.isEmpty();
		assertThat(this.processes.versions(key, new PageRequest(0, 25)).totalElements()).isEqualTo(1);
	}

	@Test
	void shouldRefuseEveryUnknownDelegateTopicAndCalledProcessWithTheirElementIds() {
		String key = uniqueKey();
		String hostile = approvalThenTransfer(key,
				"""
						<bpmn:serviceTask id="Task_Unknown" camunda:delegateExpression="${userAccountService}" />
						<bpmn:serviceTask id="Task_Elsewhere" camunda:type="external" camunda:topic="mine-ship-bitcoins" />
						<bpmn:callActivity id="CallActivity_Nowhere" calledElement="no-such-process" />
						<bpmn:serviceTask id="Task_Java" camunda:class="java.lang.Runtime" />
						<bpmn:scriptTask id="Task_Script" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
						""");

		assertThatThrownBy(() -> this.processes.deploy(key + ".bpmn", bytes(hostile), ProcessOrigin.CONSOLE))
			.isInstanceOfSatisfying(ProcessRefusedException.class, (refused) -> {
				assertThat(refused.problems()).extracting(ProcessProblem::elementId)
					.contains("Task_Unknown", "Task_Elsewhere", "CallActivity_Nowhere", "Task_Java", "Task_Script");
				assertThat(refused.problems()).filteredOn((problem) -> "Task_Unknown".equals(problem.elementId()))
					.singleElement()
					.satisfies((problem) -> assertThat(problem.reason()).contains("${userAccountService}"));
				assertThat(refused.problems()).filteredOn((problem) -> "Task_Elsewhere".equals(problem.elementId()))
					.singleElement()
					.satisfies((problem) -> assertThat(problem.reason()).contains("mine-ship-bitcoins")
						.contains("parc-deployment-TRANSFER"));
			});
		assertThat(this.processes.processes(key)).isEmpty();
	}

	@Test
	void shouldRefuseXmlWithADoctypeOrExternalEntity() {
		String key = uniqueKey();
		String entity = """
				<?xml version="1.0"?>
				<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				""" + approvalThenTransfer(key, "").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")
			.replace("Approve the deployment", "&secret;");

		assertThatThrownBy(() -> this.processes.deploy(key + ".bpmn", bytes(entity), ProcessOrigin.CONSOLE))
			.isInstanceOf(ProcessRefusedException.class);
		assertThat(this.processes.processes(key)).isEmpty();
	}

	@Test
	void shouldRefuseFilesThatAreNotBpmnOrTooLargeOrNotXml() {
		String key = uniqueKey();
		assertThatThrownBy(() -> this.processes.deploy("../../etc/cron.d/x", bytes(approvalThenTransfer(key, "")),
				ProcessOrigin.CONSOLE))
			.isInstanceOfSatisfying(ProcessRefusedException.class,
					(refused) -> assertThat(refused.problems().get(0).reason()).contains("'x' is not a BPMN file"));
		assertThatThrownBy(() -> this.processes.deploy(key + ".bpmn", new byte[ProcessDesignService.MAX_BPMN_BYTES + 1],
				ProcessOrigin.CONSOLE))
			.isInstanceOfSatisfying(ProcessRefusedException.class,
					(refused) -> assertThat(refused.problems().get(0).reason()).contains("larger than 2 MB"));
		assertThatThrownBy(
				() -> this.processes.deploy(key + ".bpmn", bytes("<bpmn:definitions"), ProcessOrigin.CONSOLE))
			.isInstanceOf(ProcessRefusedException.class);
		assertThat(this.processes.processes(key)).isEmpty();
	}

	@Test
	void shouldNotLetAnExpressionReachParcsServices() {
		String key = uniqueKey();
		String probing = approvalThenTransfer(key, "").replace(
				"<bpmn:userTask id=\"UserTask_Approve\" name=\"Approve the deployment\" />",
				"<bpmn:userTask id=\"UserTask_Approve\" name=\"Approve the deployment\" "
						+ "camunda:assignee=\"${userAccountService.list().size()}\" />");
		this.processes.deploy(key + ".bpmn", bytes(probing), ProcessOrigin.CONSOLE);

		assertThatThrownBy(() -> this.runtime.startProcessInstanceByKey(key)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("userAccountService");
	}

	@Test
	void shouldRollBackByDeployingTheEarlierVersionAgain() {
		String key = uniqueKey();
		this.processes.deploy(key + ".bpmn", bytes(approvalThenTransfer(key, "")), ProcessOrigin.CONSOLE);
		this.processes.deploy(key + ".bpmn",
				bytes(approvalThenTransfer(key, "").replace("Approve the deployment", "Approve it twice")),
				ProcessOrigin.CONSOLE);

		ProcessVersion rolledBack = this.processes.rollBack(key, 1);

		assertThat(rolledBack.version()).isEqualTo(3);
		assertThat(rolledBack.origin()).isEqualTo(ProcessOrigin.ROLLBACK);
		assertThat(rolledBack.copiedFrom()).isEqualTo(1);
		assertThat(rolledBack.inUse()).isTrue();
		assertThat(new String(this.processes.bpmn(key, 3), StandardCharsets.UTF_8)).contains("Approve the deployment");
		assertThat(this.processes.version(key, 2).inUse()).isFalse();
	}

	@Test
	void shouldCompareElementByElement() {
		String before = approvalThenTransfer("compared", "");
		String after = approvalThenTransfer("compared", "").replace("name=\"Transfer\"", "name=\"Send the files\"")
			.replace("<bpmn:userTask id=\"UserTask_Approve\" name=\"Approve the deployment\" />", "")
			.replace("targetRef=\"UserTask_Approve\"", "targetRef=\"UserTask_Check\"")
			.replace("sourceRef=\"UserTask_Approve\"", "sourceRef=\"UserTask_Check\"")
			.replace("<bpmn:endEvent", "<bpmn:userTask id=\"UserTask_Check\" name=\"Check\" /><bpmn:endEvent");

		ProcessChanges changes = ProcessComparison.compare("compared", 2, bytes(after), 1, bytes(before));

		assertThat(changes.added()).extracting(ProcessChanges.Element::id).containsExactly("UserTask_Check");
		assertThat(changes.removed()).extracting(ProcessChanges.Element::id).containsExactly("UserTask_Approve");
		assertThat(changes.changed()).extracting(ProcessChanges.Element::id)
			.containsExactlyInAnyOrder("Task_Transfer", "Flow_1", "Flow_2");
		assertThat(changes.changed()).filteredOn((element) -> element.id().equals("Task_Transfer"))
			.singleElement()
			.satisfies((element) -> assertThat(element.differences())
				.containsExactly("name: 'Transfer' → 'Send the files'"));
		assertThat(ProcessComparison.compare("compared", 1, bytes(before), 1, bytes(before)).identical()).isTrue();
	}

}
