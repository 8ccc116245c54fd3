package parc.ui.deployment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentTarget;
import parc.orchestrator.deployment.MachineNotInDeploymentException;
import parc.orchestrator.deployment.MachineProcess;
import parc.orchestrator.deployment.MachineProcessService;
import parc.orchestrator.deployment.TargetState;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ MachineProcessController.class, MachineProcessApiController.class })
@Import(PageLinks.class)
@WithMockUser(username = "reader", roles = "USER")
class MachineProcessControllerTest {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DeploymentService deployments;

	@MockitoBean
	MachineProcessService processes;

	@MockitoBean
	parc.orchestrator.group.GroupService groups;

	@BeforeEach
	void aMachineHalfwayThrough() {
		given(this.deployments.zone()).willReturn(ZoneId.of("Europe/Paris"));
		given(this.deployments.get(9)).willReturn(new Deployment(9, 5L, "Firefox 115", DeploymentOptions.defaults(),
				"alice", NOW, false, "pi-top", null, List.of(new DeploymentTarget(3L, "srv-3", TargetState.RESCHEDULED,
						Map.of(), null, NOW.plusSeconds(3600), null, null, NOW, false)),
				List.of()));
		MachineProcess machine = new MachineProcess("pi-machine", "deploy-package:1:a", "deploy-package",
				"Deploy a package to a machine", null, true, NOW, null,
				List.of(step("StartEvent_MachineTargeted", NOW, NOW), step("CallActivity_TransferPackage", NOW, NOW),
						step("CallActivity_RunInstallCommand", NOW, null)),
				List.of(), List.of());
		MachineProcess execute = new MachineProcess("pi-execute", "run-install-command:1:b", "run-install-command",
				"Run the install command", null, true, NOW, null,
				List.of(step("Task_StartWork", NOW, NOW), step("Task_StartWork", NOW, NOW),
						step("Event_RetryDelay", NOW, null)),
				List.of(new MachineProcess.Timer("Event_RetryDelay", NOW.plusSeconds(3600))),
				List.of(new MachineProcess.Incident("Task_StartWork", "connection refused", NOW)));
		MachineProcess transfer = new MachineProcess("pi-transfer", "transfer-package:1:c", "transfer-package",
				"Transfer the package", null, false, NOW, NOW, List.of(step("Task_StartWork", NOW, NOW)), List.of(),
				List.of());
		MachineProcess delete = new MachineProcess("pi-delete", "deployment-phase:1:d", "deployment-phase",
				"Run a deployment phase on a machine", "DELETE", false, NOW, NOW,
				List.of(step("Task_DoPhaseWork", NOW, NOW)), List.of(), List.of());
		given(this.processes.of(9, 3)).willReturn(List.of(machine, transfer, execute, delete));
		given(this.processes.of(9, 4)).willThrow(new MachineNotInDeploymentException(9, 4));
		given(this.processes.diagram("deploy-package:1:a")).willReturn("<definitions/>");
	}

	private static MachineProcess.Step step(String id, Instant start, Instant end) {
		return new MachineProcess.Step(id, null, "serviceTask", start, end, false);
	}

	@Test
	void shouldMarkWhatTheMachineWentThroughAndLinkCockpitOnlyWhileRunning() throws Exception {
		this.mvc.perform(get("/deployments/9/machines/3/process"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-process-key=\"deploy-package\"")))
			.andExpect(content().string(containsString(
					"{&quot;visited&quot;:[&quot;StartEvent_MachineTargeted&quot;,&quot;CallActivity_TransferPackage&quot;],"
							+ "&quot;waiting&quot;:[&quot;CallActivity_RunInstallCommand&quot;]")))
			.andExpect(content().string(containsString("&quot;visits&quot;:{&quot;Task_StartWork&quot;:2")))
			.andExpect(content().string(containsString("#/process-instance/pi-machine")))
			.andExpect(content().string(not(containsString("#/process-instance/pi-transfer"))))
			.andExpect(content().string(containsString("Incident at Task_StartWork: connection refused")))
			.andExpect(content().string(containsString("/deployments/process-diagrams/deploy-package:1:a")))
			.andExpect(content().string(containsString("/vendor/bpmn-js/18.31.1/bpmn-navigated-viewer")));
	}

	@Test
	void shouldSayWhichPhaseEachInstanceOfTheOnePhaseProcessRuns() throws Exception {
		this.mvc.perform(get("/deployments/9/machines/3/process"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("phase-of-process\">phase: delete</span>")))
			.andExpect(content().string(not(containsString("phase: transfer"))));
		this.mvc.perform(get("/deployments/9/machines/3/process").header("Accept-Language", "fr"))
			.andExpect(content().string(containsString("phase : la suppression")));
	}

	@Test
	void shouldSpeakFrenchAndSayWhenTheMachineIsNotInTheDeployment() throws Exception {
		this.mvc.perform(get("/deployments/9/machines/3/process").param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Processus de srv-3 dans le déploiement 9")))
			.andExpect(content().string(not(containsString("??"))));
		this.mvc.perform(get("/deployments/9/machines/4/process")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/deployments/9/targets/4/process")).andExpect(status().isNotFound());
	}

	@Test
	void shouldAnswerTheContractNamesAndTheDiagram() throws Exception {
		this.mvc.perform(get("/api/deployments/9/targets/3/process"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].processInstanceId").value("pi-machine"))
			.andExpect(jsonPath("$[0].processDefinitionId").value("deploy-package:1:a"))
			.andExpect(jsonPath("$[0].running").value(true))
			.andExpect(jsonPath("$[0].steps[2].activityId").value("CallActivity_RunInstallCommand"))
			.andExpect(jsonPath("$[2].timers[0].activityId").value("Event_RetryDelay"))
			.andExpect(jsonPath("$[2].incidents[0].message").value("connection refused"));
		this.mvc.perform(get("/deployments/process-diagrams/deploy-package:1:a"))
			.andExpect(status().isOk())
			.andExpect(content().string("<definitions/>"));
	}

}
