package parc.routes.processdesign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import parc.orchestrator.processdesign.ProcessDesignService;
import parc.orchestrator.processdesign.ProcessOrigin;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watched folder of processes on the real file system, engine and PostgreSQL: a good
 * file becomes a version and moves to {@code done/}; a refused one moves to
 * {@code failed/} beside its reasons, and deploys nothing.
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
		"parc.process-design.folder-poll-ms=200" })
class ProcessFolderRoutesTest {

	/** One folder for the context: a random placeholder would differ between readers. */
	static final Path FOLDER = Path.of("target", "process-folder-test", UUID.randomUUID().toString()).toAbsolutePath();

	@DynamicPropertySource
	static void processFolder(DynamicPropertyRegistry registry) {
		registry.add("parc.process-design.folder", FOLDER::toString);
	}

	@Autowired
	ProcessDesignService processes;

	static String process(String key, String topic) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://parc/bpmn">
				  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Requested" />
				    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Requested" targetRef="Task_Inventory" />
				    <bpmn:serviceTask id="Task_Inventory" camunda:type="external" camunda:topic="%s" />
				  </bpmn:process>
				</bpmn:definitions>
				"""
			.formatted(key, topic);
	}

	@Test
	void shouldDeployAGoodFileAndExplainARefusedOne() throws Exception {
		Files.createDirectories(FOLDER);
		String good = "folder-" + UUID.randomUUID().toString().substring(0, 6);
		String bad = "folder-" + UUID.randomUUID().toString().substring(0, 6);
		Files.writeString(FOLDER.resolve(good + ".bpmn"), process(good, "parc-deployment-INVENTORY"));
		Files.writeString(FOLDER.resolve(bad + ".bpmn"), process(bad, "../../etc/passwd"));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(FOLDER.resolve("done/" + good + ".bpmn"))
					&& Files.exists(FOLDER.resolve("failed/" + bad + ".bpmn.reason.txt")));

		assertThat(this.processes.version(good, 1).origin()).isEqualTo(ProcessOrigin.FOLDER);
		assertThat(this.processes.processes(bad)).isEmpty();
		assertThat(Files.readString(FOLDER.resolve("failed/" + bad + ".bpmn.reason.txt")))
			.startsWith("Task_Inventory: ")
			.contains("../../etc/passwd");
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(FOLDER.resolve("failed/" + bad + ".bpmn")));
	}

}
