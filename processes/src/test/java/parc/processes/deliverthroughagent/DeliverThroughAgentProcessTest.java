package parc.processes.deliverthroughagent;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentPhaseVariables;
import parc.orchestrator.deployment.DeploymentRequest;
import parc.orchestrator.deployment.DeploymentRuns;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.DeploymentState;
import parc.orchestrator.deployment.DeploymentTarget;
import parc.orchestrator.deployment.RescheduleReason;
import parc.orchestrator.deployment.TargetState;
import parc.orchestrator.deployment.WakeOnLanMode;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.IncomingFile;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.teledeployment.AgentResultCodes;
import parc.orchestrator.teledeployment.TeledeploymentService;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.processes.DeploymentJobs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deliver-through-agent} on the real engine and PostgreSQL, called from a whole
 * deployment: the agent's side is played by calling what the agent endpoint calls (PROLOG
 * offers, DOWNLOAD reports, inventory history). The engine's clock is moved by hand and
 * the test runs the jobs.
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
		"parc.deployment.time-zone=Europe/Paris" })
@Import(DeliverThroughAgentProcessTest.CoverageOfDeliverThroughAgent.class)
class DeliverThroughAgentProcessTest {

	/** Only this phase is measured here; the processes around it have their own tests. */
	@org.springframework.boot.test.context.TestConfiguration
	static class CoverageOfDeliverThroughAgent {

		@org.springframework.context.annotation.Bean
		org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties processEngineCoverageProperties() {
			return org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties
				.builder()
				.assertClassCoverageAtLeast(0.9)
				.excludeProcessDefinitionKeys("deploy-to-machines", "deploy-to-machine-batch", "deploy-package",
						"wake-machine", "refresh-machine-inventory", "deployment-phase")
				.build();
		}

	}

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	DeploymentRuns runs;

	@Autowired
	DeploymentService deployments;

	@Autowired
	TeledeploymentService teledeployment;

	@Autowired
	parc.orchestrator.deployment.PhaseTaskService phaseTasks;

	@Autowired
	PackageService packages;

	@Autowired
	MachineService machines;

	@Autowired
	JdbcClient jdbc;

	private final List<Long> launched = new ArrayList<>();

	@BeforeEach
	void morning() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T09:00:00Z")));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldBeDoneWhenTheAgentReportsSuccess() {
		Deployment deployment = launch(agentMachine(), DeploymentOptions.defaults());
		runDueJobs();
		assertThat(only(deployment).state()).isEqualTo(TargetState.WAITING_FOR_AGENT);
		assertThat(only(deployment).phases()).containsEntry(DeploymentPhase.DELIVER,
				parc.orchestrator.deployment.PhaseStatus.RUNNING);

		long machineId = only(deployment).machineId();
		assertThat(this.teledeployment.prologOffers(machineId).offers()).hasSize(1);
		assertThat(only(deployment).state()).isEqualTo(TargetState.NOTIFIED);
		assertThat(this.teledeployment.agentReported(machineId, ocsId(deployment), "SUCCESS")).isTrue();
		runDueJobs();

		DeploymentTarget target = only(deployment);
		assertThat(target.state()).isEqualTo(TargetState.DONE);
		assertThat(target.agentResult()).isEqualTo("SUCCESS");
		assertThat(this.deployments.get(deployment.id()).state()).isEqualTo(DeploymentState.DONE);
	}

	@Test
	void shouldWaitForTheAgentsNextInventoryWhenAsked() {
		Deployment deployment = launch(agentMachine(),
				DeploymentOptions.builder().wol(WakeOnLanMode.NEVER).inventoryAfter(true).build());
		runDueJobs();
		long machineId = only(deployment).machineId();
		this.teledeployment.agentReported(machineId, ocsId(deployment), "SUCCESS");
		runDueJobs();
		// What Parc's workers do with the inventory phase of an agent machine (routes'
		// AgentInventoryWait): take the task, and wait for the agent's inventory.
		List<PhaseTask> taken = this.phaseTasks.fetch("agent-test-worker", 100)
			.stream()
			.filter((task) -> task.work().deploymentId() == deployment.id())
			.toList();
		assertThat(taken).hasSize(1);
		assertThat(only(deployment).state()).isEqualTo(TargetState.INVENTORY_IN_PROGRESS);
		this.teledeployment.awaitInventory(taken.get(0).taskId(), machineId, deployment.id(),
				only(deployment).machineName());
		assertThat(this.teledeployment.waitsForInventory(machineId)).isTrue();

		this.teledeployment.inventoryReceived(machineId);
		runDueJobs();

		assertThat(only(deployment).state()).isEqualTo(TargetState.DONE);
		assertThat(this.teledeployment.waitsForInventory(machineId)).isFalse();
	}

	@Test
	void shouldTryAgainAfterTheDelayThenFailAfterTheLastAttempt() {
		Deployment deployment = launch(agentMachine(),
				DeploymentOptions.builder().wol(WakeOnLanMode.NEVER).attempts(2).attemptDelayMinutes(10).build());
		runDueJobs();
		long machineId = only(deployment).machineId();

		this.teledeployment.agentReported(machineId, ocsId(deployment), "ERR_EXECUTE");
		runDueJobs();

		DeploymentTarget waiting = only(deployment);
		assertThat(waiting.state()).isEqualTo(TargetState.RESCHEDULED);
		assertThat(waiting.rescheduleReason()).isEqualTo(RescheduleReason.PHASE_FAILED);
		assertThat(this.teledeployment.prologOffers(machineId).offers()).as("nothing offered while it waits").isEmpty();

		moveClock(Duration.ofMinutes(11));
		runDueJobs();
		assertThat(only(deployment).state()).isEqualTo(TargetState.WAITING_FOR_AGENT);
		this.teledeployment.agentReported(machineId, ocsId(deployment), "ERR_EXECUTE");
		runDueJobs();

		DeploymentTarget failed = only(deployment);
		assertThat(failed.state()).isEqualTo(TargetState.FAILED);
		assertThat(failed.failedPhase()).isEqualTo(DeploymentPhase.DELIVER);
		assertThat(failed.detail()).contains("ERR_EXECUTE");
	}

	@Test
	void shouldCountAMissingReportAsAFailedAttempt() {
		Deployment deployment = launch(agentMachine(),
				DeploymentOptions.builder().wol(WakeOnLanMode.NEVER).attempts(1).build());
		runDueJobs();

		moveClock(Duration.ofHours(25));
		runDueJobs();

		DeploymentTarget failed = only(deployment);
		assertThat(failed.state()).isEqualTo(TargetState.FAILED);
		assertThat(failed.detail()).contains("no result came back in time");
	}

	@Test
	void shouldWaitForTheWindowAndFailOnceTheEndDatePasses() {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		// 09:00 UTC is 10:00 in Paris: the window opens at 14:00, after the end date.
		Deployment late = launch(agentMachine(),
				DeploymentOptions.builder()
					.wol(WakeOnLanMode.NEVER)
					.endAt(now.plus(Duration.ofHours(2)))
					.intervals("14-15")
					.attempts(1)
					.build());
		runDueJobs();
		assertThat(only(late).state()).isEqualTo(TargetState.FAILED);
		assertThat(only(late).detail()).contains("end date");

		Deployment later = launch(agentMachine(),
				DeploymentOptions.builder().wol(WakeOnLanMode.NEVER).intervals("14-15").attempts(1).build());
		runDueJobs();
		assertThat(only(later).state()).isEqualTo(TargetState.RESCHEDULED);
		assertThat(only(later).rescheduleReason()).isEqualTo(RescheduleReason.OUTSIDE_WINDOW);
		moveClock(Duration.ofHours(4).plusMinutes(1));
		runDueJobs();
		assertThat(only(later).state()).isEqualTo(TargetState.WAITING_FOR_AGENT);
	}

	@Test
	void shouldBeDoneAtOnceWhenTheAgentsHistoryHoldsThePackage() {
		Machine machine = agentMachine();
		Deployment first = launch(machine, DeploymentOptions.defaults());
		runDueJobs();
		this.teledeployment.agentReported(machine.id(), ocsId(first), "SUCCESS");
		this.teledeployment.historyReported(machine.id(), List.of(ocsId(first)));
		runDueJobs();

		Deployment again = this.runs.launch(
				new DeploymentRequest(first.packageId(), List.of(machine.id()), DeploymentOptions.defaults()), "admin");
		this.launched.add(again.id());
		runDueJobs();

		assertThat(only(again).state()).isEqualTo(TargetState.DONE);
		assertThat(only(again).agentResult()).isEqualTo(AgentResultCodes.ALREADY_IN_HISTORY);
	}

	@Test
	void shouldStopAMachineWithdrawnBeforeItsAgentWasTold() {
		Deployment deployment = launch(agentMachine(), DeploymentOptions.defaults());
		runDueJobs();

		assertThat(this.teledeployment.withdrawNotNotified(deployment.packageId(), "alice")).isEqualTo(1);
		runDueJobs();

		DeploymentTarget target = only(deployment);
		assertThat(target.state()).isEqualTo(TargetState.STOPPED);
		assertThat(target.detail()).contains("withdrawn").contains("alice");
		assertThat(this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(DeploymentRuns.businessKey(deployment.id()))
			.count()).as("the machine's processes ended").isZero();
		assertThat(this.teledeployment.prologOffers(target.machineId()).offers()).isEmpty();
	}

	@Test
	void shouldDeleteWhatAgentsDownloadAndWithdrawEveryMachineStillWaiting() {
		Deployment waiting = launch(agentMachine(), DeploymentOptions.defaults());
		runDueJobs();
		String ocsId = ocsId(waiting);
		long machineId = only(waiting).machineId();
		this.teledeployment.prologOffers(machineId);
		assertThat(only(waiting).state()).isEqualTo(TargetState.NOTIFIED);
		assertThat(this.teledeployment.withdrawNotNotified(waiting.packageId(), "alice")).as("already notified")
			.isZero();

		assertThat(this.teledeployment.deleteAgentBuilds(waiting.packageId(), "alice")).isEqualTo(1);
		runDueJobs();

		assertThat(only(waiting).state()).isEqualTo(TargetState.STOPPED);
		assertThat(this.teledeployment.downloadableFile(ocsId, "info")).isEmpty();
		assertThat(this.teledeployment.statistics(waiting.packageId()).total()).isZero();
		assertThat(this.teledeployment.agentReported(machineId, ocsId, "SUCCESS")).as("a late report changes nothing")
			.isFalse();
	}

	@Test
	void shouldOfferNothingWhilePausedOrOnceStopped() {
		Deployment paused = launch(agentMachine(), DeploymentOptions.defaults());
		runDueJobs();
		long pausedMachine = only(paused).machineId();
		this.runs.pause(paused.id(), "alice");

		assertThat(this.teledeployment.prologOffers(pausedMachine).offers()).isEmpty();
		this.runs.resume(paused.id(), "alice");
		assertThat(this.teledeployment.prologOffers(pausedMachine).offers()).hasSize(1);

		Deployment stopped = launch(agentMachine(), DeploymentOptions.defaults());
		runDueJobs();
		long stoppedMachine = only(stopped).machineId();
		this.runs.stop(stopped.id(), "alice");

		assertThat(only(stopped).state()).isEqualTo(TargetState.STOPPED);
		assertThat(this.teledeployment.prologOffers(stoppedMachine).offers()).isEmpty();
		assertThat(this.teledeployment.agentReported(stoppedMachine, ocsId(stopped), "SUCCESS")).isFalse();
	}

	@Test
	void shouldNotBeSentOnAsInterruptedWhenParcStarts() {
		Deployment deployment = launch(agentMachine(), DeploymentOptions.defaults());
		runDueJobs();

		// What the start-up recovery looks for: phases whose work ran inside Parc.
		assertThat(this.runtime.createExecutionQuery()
			.processInstanceBusinessKey(DeploymentRuns.businessKey(deployment.id()))
			.messageEventSubscriptionName(DeploymentPhaseVariables.MSG_PHASE_FINISHED)
			.count()).isZero();
		assertThat(this.runtime.createExecutionQuery()
			.messageEventSubscriptionName(DeploymentPhaseVariables.MSG_AGENT_REPORTED)
			.processVariableValueEquals(DeploymentPhaseVariables.DEPLOYMENT_ID, deployment.id())
			.count()).isEqualTo(1);
	}

	private Deployment launch(Machine machine, DeploymentOptions options) {
		long pkg = this.packages
			.createFromFiles(new PackageDraft(unique("pkg"), "1", null, "sh install.sh", OsFamily.LINUX, false, null),
					List.of(new IncomingFile("install.sh", () -> new ByteArrayInputStream("echo".getBytes()))), "admin")
			.id();
		Deployment deployment = this.runs.launch(new DeploymentRequest(pkg, List.of(machine.id()), options), "admin");
		this.launched.add(deployment.id());
		return deployment;
	}

	private Machine agentMachine() {
		return this.machines.register(new MachineDraft(unique("pc"), "192.0.2.90", List.of(), OsFamily.LINUX,
				Channel.OCS_AGENT, null, null, null, List.of(), null, null));
	}

	private String ocsId(Deployment deployment) {
		return Long.toString(this.jdbc.sql("select ocs_id from agent_offer where deployment_id = ?")
			.param(deployment.id())
			.query(Long.class)
			.single());
	}

	private DeploymentTarget only(Deployment deployment) {
		return this.deployments.get(deployment.id()).targets().get(0);
	}

	private void moveClock(Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
	}

	/** Runs every due job of this test's deployments, and those they create. */
	private void runDueJobs() {
		DeploymentJobs.runDue(this.runtime, this.management, this.launched);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
