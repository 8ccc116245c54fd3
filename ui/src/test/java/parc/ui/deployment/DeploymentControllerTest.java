package parc.ui.deployment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentFinishedException;
import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentRuns;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentTarget;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseStatus;
import parc.orchestrator.deployment.RescheduleReason;
import parc.orchestrator.deployment.TargetState;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.system.paging.Page;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest({ DeploymentApiController.class, DeploymentController.class })
@Import(PageLinks.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class DeploymentControllerTest {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DeploymentService deployments;

	@MockitoBean
	parc.orchestrator.group.GroupService groups;

	@org.junit.jupiter.api.BeforeEach
	void noGroups() {
		given(this.groups.list(any(), any(), any())).willReturn(new Page<>(List.of(), 0, 500, 0));
	}

	@MockitoBean
	DeploymentRuns runs;

	@MockitoBean
	PackageService packages;

	@MockitoBean
	MachineService machines;

	private static Deployment deployment(TargetState state, Map<DeploymentPhase, PhaseStatus> phases) {
		return new Deployment(9, 5L, "Firefox 115", DeploymentOptions.defaults(), "alice", NOW, false, "pi-1", null,
				List.of(new DeploymentTarget(3L, "srv-3", state, phases,
						(state == TargetState.FAILED) ? DeploymentPhase.EXECUTE : null, null, null,
						(state == TargetState.FAILED) ? "failed during execute: exit status 3" : null, NOW, false)),
				List.of());
	}

	private static Map<DeploymentPhase, PhaseStatus> phases(PhaseStatus transfer, PhaseStatus execute,
			PhaseStatus delete) {
		Map<DeploymentPhase, PhaseStatus> phases = new EnumMap<>(DeploymentPhase.class);
		phases.put(DeploymentPhase.TRANSFER, transfer);
		phases.put(DeploymentPhase.EXECUTE, execute);
		phases.put(DeploymentPhase.DELETE, delete);
		return phases;
	}

	@BeforeEach
	void zone() {
		given(this.deployments.zone()).willReturn(ZoneId.of("Europe/Paris"));
		given(this.packages.find(any(), any())).willReturn(new Page<>(List.of(), 0, 500, 0));
		given(this.machines.find(any())).willReturn(new Page<>(List.of(), 0, 500, 0));
	}

	@Test
	void shouldLaunchAndAnswerTheContractNames() throws Exception {
		given(this.runs.launch(argThat((request) -> request.packageId() == 5 && request.machineIds().equals(List.of(3L))
				&& request.options().parameters().equals(List.of("--quiet")) && request.options().attempts() == 3),
				eq("alice")))
			.willReturn(deployment(TargetState.SCHEDULED,
					phases(PhaseStatus.NOT_STARTED, PhaseStatus.NOT_STARTED, PhaseStatus.NOT_STARTED)));

		this.mvc
			.perform(post("/api/deployments").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"packageId\": 5, \"machineIds\": [3], \"options\": {\"parameters\": [\"--quiet\"]}}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(9))
			.andExpect(jsonPath("$.state").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.targets[0].machineId").value(3))
			.andExpect(jsonPath("$.targets[0].state").value("SCHEDULED"))
			.andExpect(jsonPath("$.targets[0].phases.TRANSFER").value("NOT_STARTED"));
	}

	@Test
	void shouldNameTheMalformedOption() throws Exception {
		this.mvc
			.perform(post("/api/deployments").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"packageId\": 5, \"machineIds\": [3], \"options\": {\"intervals\": \"2-4,9:75-10\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("options.intervals"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("interval 2")));
		this.mvc
			.perform(post("/api/deployments").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"packageId\": 5, \"machineIds\": [3], \"options\": {\"attempts\": 0}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("options.attempts"));
		verify(this.runs, never()).launch(any(), any());
	}

	@Test
	void shouldAnswerConflictWhenNothingIsLeftToPause() throws Exception {
		given(this.runs.pause(9, "alice")).willThrow(new DeploymentFinishedException(9, "pause"));

		this.mvc.perform(post("/api/deployments/9/pause").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("nothing to pause")));
	}

	@Test
	void shouldNameEveryTargetStateAndWaitInBothLanguages() throws Exception {
		List<DeploymentTarget> targets = new java.util.ArrayList<>();
		long machine = 1;
		List<RescheduleReason> reasons = new java.util.ArrayList<>(List.of(RescheduleReason.values()));
		reasons.add(null);
		for (TargetState state : TargetState.values()) {
			for (RescheduleReason reason : reasons) {
				// A scheduled machine waiting for its start date has a next attempt and
				// no reason.
				targets.add(new DeploymentTarget(machine, "srv-" + machine++, state,
						phases(PhaseStatus.DONE, PhaseStatus.RUNNING, PhaseStatus.NOT_STARTED),
						(state == TargetState.FAILED) ? DeploymentPhase.EXECUTE : null, NOW.plusSeconds(3600), reason,
						null, NOW, reason == RescheduleReason.UNREACHABLE));
			}
		}
		given(this.deployments.get(9)).willReturn(new Deployment(9, 5L, "Firefox 115", DeploymentOptions.defaults(),
				"alice", NOW, false, "pi-1", null, targets, List.of()));

		for (String language : List.of("en", "fr")) {
			this.mvc.perform(get("/deployments/9").param("lang", language))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("??"))))
				.andExpect(content().string(containsString("fr".equals(language) ? "démarre le" : "starts")))
				.andExpect(content().string(containsString("/camunda/app/cockpit/default/#/process-instance/pi-1")));
		}
	}

	@Test
	void shouldSayWhatEachAgentResultMeansInBothLanguages() throws Exception {
		List<DeploymentTarget> targets = new java.util.ArrayList<>();
		long machine = 1;
		for (String result : List.of("SUCCESS", "SUCCESS_3", "EXIT_CODE_1603", "ERR_EXECUTE_NO_EXIT_CODE",
				"SOMETHING_NEW")) {
			targets.add(new DeploymentTarget(machine, "pc-" + machine++, TargetState.FAILED,
					phases(PhaseStatus.DONE, PhaseStatus.FAILED, PhaseStatus.NOT_STARTED), DeploymentPhase.EXECUTE,
					null, null, "agent: " + result, NOW, false, result));
		}
		given(this.deployments.get(9)).willReturn(new Deployment(9, 5L, "Firefox 115", DeploymentOptions.defaults(),
				"alice", NOW, false, "pi-1", null, targets, List.of()));

		this.mvc.perform(get("/deployments/9").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Success: the launched file exited with code 3")))
			.andExpect(content().string(containsString("The launched command exited with code 1603")))
			.andExpect(content().string(containsString("The command ran but its exit code could not be read")))
			.andExpect(content().string(containsString("Code sent by the agent")));
		this.mvc.perform(get("/deployments/9").param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("??"))))
			.andExpect(content().string(containsString("La commande lancée a terminé avec le code 1603")));
	}

	@Test
	void shouldShowThePhaseLightsAndTheFailure() throws Exception {
		given(this.deployments.get(9)).willReturn(
				deployment(TargetState.FAILED, phases(PhaseStatus.DONE, PhaseStatus.FAILED, PhaseStatus.NOT_STARTED)));

		this.mvc.perform(get("/deployments/9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-phase=\"TRANSFER\" data-status=\"DONE\"")))
			.andExpect(content().string(containsString("data-phase=\"EXECUTE\" data-status=\"FAILED\"")))
			.andExpect(content().string(containsString("failed during execute: exit status 3")))
			.andExpect(content().string(containsString("id=\"retry\"")))
			// Finished: Cockpit's community edition would find nothing; Parc's process
			// view
			// shows it.
			.andExpect(content().string(not(containsString("id=\"cockpit-link\""))))
			.andExpect(content().string(containsString("href=\"/deployments/9/machines/3/process\"")))
			.andExpect(content().string(not(containsString("id=\"pause\""))));
	}

	@Test
	void shouldColourTheLogByKind() throws Exception {
		given(this.deployments.get(9))
			.willReturn(deployment(TargetState.DONE, phases(PhaseStatus.DONE, PhaseStatus.DONE, PhaseStatus.DONE)));
		given(this.deployments.log(9, 3)).willReturn(
				List.of(new LogLine(NOW, DeploymentPhase.EXECUTE, LogLine.Kind.COMMAND, "sh ./install.sh --quiet"),
						new LogLine(NOW, DeploymentPhase.EXECUTE, LogLine.Kind.OUT, "installing"),
						new LogLine(NOW, DeploymentPhase.EXECUTE, LogLine.Kind.ERR, "<warning>"),
						new LogLine(NOW, DeploymentPhase.EXECUTE, LogLine.Kind.INFO, "exit code 0")));

		this.mvc.perform(get("/deployments/9/machines/3/log"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("line-command")))
			.andExpect(content().string(containsString("$ sh ./install.sh --quiet")))
			.andExpect(content().string(containsString("line-out")))
			.andExpect(content().string(containsString("line-err")))
			.andExpect(content().string(containsString("&lt;warning&gt;")))
			.andExpect(content().string(containsString("2026-12-01 11:00:00")));
	}

	@Test
	void shouldExportTheReportAsCsv() throws Exception {
		given(this.deployments.get(9)).willReturn(
				deployment(TargetState.FAILED, phases(PhaseStatus.DONE, PhaseStatus.FAILED, PhaseStatus.NOT_STARTED)));

		this.mvc.perform(get("/api/deployments/9/report.csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(containsString("category,phase,machines,percent\r\n")))
			.andExpect(content().string(containsString("MACHINES,,1,100.0\r\n")))
			.andExpect(content().string(containsString("FAILED,EXECUTE,1,100.0\r\n")))
			.andExpect(content().string(containsString("DONE,,0,0.0\r\n")));
	}

	@Test
	void shouldKeepTheFormAndNameTheFieldWhenAnOptionIsWrong() throws Exception {
		this.mvc
			.perform(post("/deployments/new").with(csrf())
				.param("packageId", "5")
				.param("machineIds", "3")
				.param("advanced", "true")
				.param("intervals", "25-26")
				.param("attempts", "3")
				.param("attemptDelayMinutes", "60")
				.param("concurrency", "50")
				.param("maxBandwidth", "0"))
			.andExpect(status().isOk())
			.andExpect(view().name(DeploymentController.FORM_VIEW))
			.andExpect(model().attributeHasFieldErrors("form", "intervals"));
		verify(this.runs, never()).launch(any(), any());
	}

	@Test
	void shouldAskForAPackageAndMachines() throws Exception {
		this.mvc.perform(post("/deployments/new").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "packageId", "machineIds"));
	}

	@Test
	void shouldLaunchFromTheQuickFormWithTheDefaults() throws Exception {
		given(this.runs.launch(argThat((request) -> request.options().inventoryAfter()
				&& request.options().attempts() == 3 && request.options().intervals().isEmpty()), eq("alice")))
			.willReturn(deployment(TargetState.SCHEDULED,
					phases(PhaseStatus.NOT_STARTED, PhaseStatus.NOT_STARTED, PhaseStatus.NOT_STARTED)));

		this.mvc
			.perform(post("/deployments/new").with(csrf())
				.param("packageId", "5")
				.param("machineIds", "3")
				.param("inventoryAfter", "true")
				.param("intervals", "ignored-when-quick"))
			.andExpect(status().is3xxRedirection())
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/deployments/9"));
	}

	@Test
	void shouldLaunchOnAGroupChosenInTheForm() throws Exception {
		given(this.runs.launch(
				argThat((request) -> Long.valueOf(12).equals(request.groupId()) && request.machineIds().isEmpty()),
				eq("alice")))
			.willReturn(deployment(TargetState.SCHEDULED,
					phases(PhaseStatus.NOT_STARTED, PhaseStatus.NOT_STARTED, PhaseStatus.NOT_STARTED)));

		this.mvc.perform(post("/deployments/new").with(csrf()).param("packageId", "5").param("groupId", "12"))
			.andExpect(status().is3xxRedirection())
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/deployments/9"));
	}

	@Test
	void shouldRefuseMachinesAndAGroupTogether() throws Exception {

		this.mvc
			.perform(post("/deployments/new").with(csrf())
				.param("packageId", "5")
				.param("machineIds", "3")
				.param("groupId", "12"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose machines or a group, not both.")));
		verify(this.runs, never()).launch(any(), any());
	}

	@Test
	void shouldListTheDeploymentsInProgress() throws Exception {
		given(this.deployments.summaries(eq(false), any())).willReturn(
				new Page<>(
						List.of(new parc.orchestrator.deployment.DeploymentSummary(9, "Firefox 115", "alice", NOW,
								parc.orchestrator.deployment.DeploymentState.IN_PROGRESS, 4, 1, 1, 0, "pi-1")),
						0, 25, 1));

		this.mvc.perform(get("/deployments"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Firefox 115")))
			.andExpect(content().string(containsString("pct-50")))
			.andExpect(content().string(containsString("every 30s")));
		verify(this.deployments, never()).summaries(eq(true), any());
		verify(this.deployments, never()).get(anyLong());
	}

	@Test
	void shouldLaunchABundleFromTheComposer() throws Exception {
		given(this.runs.launch(argThat((request) -> request.packageId() == null && request.bundle()
			.equals(List.of(new parc.orchestrator.deployment.BundleItem(5L, 1),
					new parc.orchestrator.deployment.BundleItem(6L, 2)))),
				eq("alice")))
			.willReturn(deployment(TargetState.SCHEDULED,
					phases(PhaseStatus.NOT_STARTED, PhaseStatus.NOT_STARTED, PhaseStatus.NOT_STARTED)));

		this.mvc
			.perform(post("/deployments/new").with(csrf())
				.param("machineIds", "3")
				.param("bundlePackageIds[0]", "5")
				.param("bundleLevels[0]", "1")
				.param("bundlePackageIds[1]", "6")
				.param("bundleLevels[1]", "2")
				.param("bundlePackageIds[2]", "")
				.param("bundleLevels[2]", "2"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void shouldRefuseABundleOfOnePackage() throws Exception {
		this.mvc
			.perform(post("/deployments/new").with(csrf())
				.param("machineIds", "3")
				.param("bundlePackageIds[0]", "5")
				.param("bundleLevels[0]", "1"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "bundlePackageIds"));
		verify(this.runs, never()).launch(any(), any());
	}

	@Test
	void shouldTakeABundleThroughTheApi() throws Exception {
		given(this.runs.launch(
				argThat((request) -> request.packageId() == null && request.isBundle()
						&& request.bundle().get(1).level() == 2 && request.machineIds().equals(List.of(3L))),
				eq("alice")))
			.willReturn(deployment(TargetState.SCHEDULED,
					phases(PhaseStatus.NOT_STARTED, PhaseStatus.NOT_STARTED, PhaseStatus.NOT_STARTED)));

		this.mvc
			.perform(post("/api/deployments").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bundle\": [{\"packageId\": 5, \"level\": 1}, {\"packageId\": 6, \"level\": 2}],"
						+ " \"machineIds\": [3]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(9));
	}

}
