package parc.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A designer in a real browser uploads two versions of a process on the Processes page,
 * sees the one in use with its diagram, is told why a broken one is refused, and rolls
 * back to the first. The process is the designer's own (a unique key), so the processes
 * Parc's deployments run are left alone.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false" })
class ProcessDesignBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	UserAccountService accounts;

	ConsoleBrowser browser;

	private Path files;

	@BeforeEach
	void browserOpens() throws Exception {
		this.browser = new ConsoleBrowser(this.port);
		this.files = Files.createDirectories(Path.of("target", "process-uploads", UUID.randomUUID().toString()));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	/** A process with its diagram, as Camunda Modeler saves it. */
	static String approvalProcess(String key, String taskName, String topic) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
				    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
				    id="Definitions_Approval" targetNamespace="http://parc/bpmn">
				  <bpmn:process id="%1$s" name="Approved restart" isExecutable="true" camunda:historyTimeToLive="P30D">
				    <bpmn:startEvent id="StartEvent_Requested" name="Restart requested" />
				    <bpmn:sequenceFlow id="Flow_ToApproval" sourceRef="StartEvent_Requested" targetRef="UserTask_Approve" />
				    <bpmn:userTask id="UserTask_Approve" name="%2$s" />
				    <bpmn:sequenceFlow id="Flow_Approved" sourceRef="UserTask_Approve" targetRef="Task_Restart" />
				    <bpmn:serviceTask id="Task_Restart" name="Restart the machine" camunda:type="external" camunda:topic="%3$s" />
				    <bpmn:sequenceFlow id="Flow_Restarted" sourceRef="Task_Restart" targetRef="EndEvent_Restarted" />
				    <bpmn:endEvent id="EndEvent_Restarted" name="Restarted" />
				  </bpmn:process>
				  <bpmndi:BPMNDiagram id="BPMNDiagram_Approval">
				    <bpmndi:BPMNPlane id="BPMNPlane_Approval" bpmnElement="%1$s">
				      <bpmndi:BPMNShape id="StartEvent_Requested_di" bpmnElement="StartEvent_Requested"><dc:Bounds x="150" y="100" width="36" height="36" /></bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="UserTask_Approve_di" bpmnElement="UserTask_Approve"><dc:Bounds x="240" y="78" width="100" height="80" /></bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="Task_Restart_di" bpmnElement="Task_Restart"><dc:Bounds x="400" y="78" width="100" height="80" /></bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="EndEvent_Restarted_di" bpmnElement="EndEvent_Restarted"><dc:Bounds x="560" y="100" width="36" height="36" /></bpmndi:BPMNShape>
				      <bpmndi:BPMNEdge id="Flow_ToApproval_di" bpmnElement="Flow_ToApproval"><di:waypoint x="186" y="118" /><di:waypoint x="240" y="118" /></bpmndi:BPMNEdge>
				      <bpmndi:BPMNEdge id="Flow_Approved_di" bpmnElement="Flow_Approved"><di:waypoint x="340" y="118" /><di:waypoint x="400" y="118" /></bpmndi:BPMNEdge>
				      <bpmndi:BPMNEdge id="Flow_Restarted_di" bpmnElement="Flow_Restarted"><di:waypoint x="500" y="118" /><di:waypoint x="560" y="118" /></bpmndi:BPMNEdge>
				    </bpmndi:BPMNPlane>
				  </bpmndi:BPMNDiagram>
				</bpmn:definitions>
				"""
			.formatted(key, taskName, topic);
	}

	private void upload(String fileName, String bpmn) throws Exception {
		Path file = Files.writeString(this.files.resolve(fileName), bpmn, StandardCharsets.UTF_8);
		this.browser.click(By.id("nav-processes"));
		this.browser.click(By.id("upload-process"));
		this.browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		this.browser.click(By.id("deploy-process"));
	}

	private void diagramShows(String taskName) {
		this.browser.waiting().until(ExpectedConditions.attributeToBe(By.id("diagram"), "data-rendered", "true"));
		this.browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(
					By.cssSelector("#diagram [data-element-id='UserTask_Approve']"), taskName));
	}

	@Test
	void shouldUploadAVersionShowItInUseWithItsDiagramAndRollBack() throws Exception {
		GeneratedPassword designer = this.accounts
			.create(new NewUserAccount("designer-" + UUID.randomUUID().toString().substring(0, 6), Role.DESIGNER));
		String key = "approved-restart-" + UUID.randomUUID().toString().substring(0, 6);
		this.browser.logIn(designer.username(), designer.password());

		upload(key + ".bpmn", approvalProcess(key, "Approve the restart", "parc-deployment-SHUTDOWN"));

		this.browser.waiting().until(ExpectedConditions.attributeToBe(By.id("shown-version"), "data-in-use", "true"));
		assertThat(this.browser.text(By.id("flash"))).contains("Version 1 of " + key + " deployed");
		diagramShows("Approve the restart");

		upload(key + ".bpmn", approvalProcess(key, "Approve it twice", "parc-deployment-SHUTDOWN"));
		this.browser.waiting().until(ExpectedConditions.attributeToBe(By.id("shown-version"), "data-version", "2"));
		diagramShows("Approve it twice");
		assertThat(this.browser.driver().findElement(By.id("version-1")).getAttribute("data-in-use"))
			.isEqualTo("false");

		upload(key + ".bpmn", approvalProcess(key, "Approve", "send-an-sms"));
		assertThat(this.browser.text(By.cssSelector("#problems .problem[data-element='Task_Restart']")))
			.contains("send-an-sms");

		this.browser.open("/processes/" + key + "?lang=en");
		this.browser.click(By.cssSelector("#version-1 .roll-back"));
		this.browser.click(By.cssSelector("#version-1 .confirm-roll-back"));

		this.browser.waiting().until(ExpectedConditions.attributeToBe(By.id("shown-version"), "data-version", "3"));
		assertThat(this.browser.text(By.id("flash"))).contains("version 1 is in use again, as version 3");
		assertThat(this.browser.text(By.id("version-3"))).contains("copy of version 1").contains("in use");
		diagramShows("Approve the restart");
		this.browser.click(By.id("back-to-processes"));
		assertThat(this.browser.text(By.cssSelector("#process-" + key + " .version-in-use"))).isEqualTo("3");
	}

}
