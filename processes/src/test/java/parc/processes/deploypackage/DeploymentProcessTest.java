package parc.processes.deploypackage;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentRequest;
import parc.orchestrator.deployment.DeploymentRuns;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentState;
import parc.orchestrator.deployment.DeploymentTarget;
import parc.orchestrator.deployment.MachineNotInDeploymentException;
import parc.orchestrator.deployment.MachineProcess;
import parc.orchestrator.deployment.MachineProcessService;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResultService;
import parc.orchestrator.deployment.PhaseStatus;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseTaskService;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.deployment.PhaseWorkGateway;
import parc.orchestrator.deployment.RescheduleReason;
import parc.orchestrator.deployment.TargetState;
import parc.orchestrator.deployment.WakeOnLanMode;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.IncomingFile;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.processes.DeploymentJobs;
import parc.processes.deploytomachines.DeploymentMachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;

/**
 * A whole deployment on the real engine and PostgreSQL: {@code deploy-to-machines} fans
 * out to {@code deploy-package}, which calls the phases. The engine's clock is moved by
 * hand, jobs are run by the test, and the phases' work is answered as the routes would
 * (issue #6, must-show 1).
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
		"parc.deployment.time-zone=Europe/Paris" })
@Import(DeploymentProcessTest.CoverageOfTheDeploymentProcesses.class)
class DeploymentProcessTest {

	/**
	 * The phases are covered, path by path, by {@code DeploymentPhaseProcessTest}; this
	 * class answers for the processes that compose them.
	 */
	@org.springframework.boot.test.context.TestConfiguration
	static class CoverageOfTheDeploymentProcesses {

		@org.springframework.context.annotation.Bean
		org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties processEngineCoverageProperties() {
			return org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties
				.builder()
				.assertClassCoverageAtLeast(0.9)
				.excludeProcessDefinitionKeys("wake-machine", "transfer-package", "run-install-command",
						"delete-package-files", "refresh-machine-inventory", "shut-down-machine", "deployment-phase")
				.build();
		}

	}

	@MockitoBean
	PhaseWorkGateway work;

	@Autowired
	ProcessEngine engine;

	@Autowired
	DeploymentMachines deploymentMachines;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	PhaseResultService results;

	@Autowired
	PhaseTaskService phaseTasks;

	@Autowired
	DeploymentService deployments;

	@Autowired
	DeploymentRuns runs;

	@Autowired
	MachineProcessService machineProcesses;

	@Autowired
	PackageService packages;

	@Autowired
	MachineService machines;

	@Autowired
	CredentialService credentials;

	private static final String WORKER = "process-test-worker";

	/** Work handed over and not answered yet, oldest first. */
	private final List<PhaseWork> outstanding = new CopyOnWriteArrayList<>();

	/** Every phase attempt handed over, in order. */
	private final List<PhaseWork> started = new CopyOnWriteArrayList<>();

	private int mostAtOnce;

	/** The deployments this test launched. */
	private final List<Long> launched = new ArrayList<>();

	@BeforeEach
	void startClock() {
		BpmnAwareTests.init(this.engine);
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T09:00:00Z")));
	}

	@AfterEach
	void resetClock() {
		// Work left waiting must not be taken by the next test's worker.
		for (long id : this.launched) {
			if (this.deployments.get(id).targets().stream().anyMatch((target) -> !target.state().isFinal())) {
				this.runs.stop(id, "the end of the test");
			}
		}
		ClockUtil.reset();
		BpmnAwareTests.reset();
	}

	/**
	 * Takes the phase work the deployments hand to workers, as Parc's workers would: as
	 * much as the caps allow, none of a paused deployment.
	 */
	private void takeWork() {
		List<PhaseTask> taken;
		do {
			taken = this.phaseTasks.fetch(WORKER, 1000);
			for (PhaseTask task : taken) {
				// A lock that expired while the test moved the clock: the same work
				// again.
				if (this.outstanding.removeIf((work) -> work.runId().equals(task.taskId()))) {
					this.outstanding.add(task.work());
					continue;
				}
				this.started.add(task.work());
				this.outstanding.add(task.work());
			}
			this.mostAtOnce = Math.max(this.mostAtOnce, this.outstanding.size());
		}
		while (!taken.isEmpty());
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Deployment launch(int machineCount, DeploymentOptions options) {
		long credential = this.credentials
			.create(new CredentialDraft(unique("pw"), CredentialType.PASSWORD, "root", null, null, "pw"))
			.id();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < machineCount; i++) {
			ids.add(this.machines
				.register(new MachineDraft(unique("srv"), "192.0.2." + (80 + i),
						(i < 10) ? List.of("52:54:00:12:34:5" + i) : List.of(), OsFamily.LINUX, Channel.AGENTLESS_SSH,
						22, null, credential, List.of(), null, null))
				.id());
		}
		long pkg = this.packages
			.createFromFiles(new PackageDraft(unique("pkg"), "1", null, "./install.sh", OsFamily.LINUX, false, null),
					List.of(new IncomingFile("install.sh", () -> new ByteArrayInputStream("echo".getBytes()))), "admin")
			.id();
		Deployment deployment = this.runs.launch(new DeploymentRequest(pkg, ids, options), "admin");
		this.launched.add(deployment.id());
		return deployment;
	}

	/** A bundle of one package per level given, on one machine. */
	private Deployment launchBundle(DeploymentOptions options, int... levels) {
		long credential = this.credentials
			.create(new CredentialDraft(unique("pw"), CredentialType.PASSWORD, "root", null, null, "pw"))
			.id();
		long machine = this.machines
			.register(new MachineDraft(unique("srv"), "192.0.2.90", List.of(), OsFamily.LINUX, Channel.AGENTLESS_SSH,
					22, null, credential, List.of(), null, null))
			.id();
		List<parc.orchestrator.deployment.BundleItem> items = new ArrayList<>();
		for (int level : levels) {
			long pkg = this.packages
				.createFromFiles(
						new PackageDraft(unique("pkg-level" + level), "1", null, "./install.sh", OsFamily.LINUX, false,
								null),
						List.of(new IncomingFile("install.sh", () -> new ByteArrayInputStream("echo".getBytes()))),
						"admin")
				.id();
			items.add(new parc.orchestrator.deployment.BundleItem(pkg, level));
		}
		Deployment deployment = this.runs.launch(new DeploymentRequest(null, List.of(machine), options, items),
				"admin");
		this.launched.add(deployment.id());
		return deployment;
	}

	private static DeploymentOptions options(WakeOnLanMode wol, Boolean runScript, Boolean deleteFiles,
			Boolean inventoryAfter, Boolean shutdownAfter, Integer concurrency) {
		return DeploymentOptions.builder()
			.wol(wol)
			.runScript(runScript)
			.deleteFiles(deleteFiles)
			.inventoryAfter(inventoryAfter)
			.shutdownAfter(shutdownAfter)
			.concurrency(concurrency)
			.build();
	}

	/**
	 * Runs every job due now of this test's deployments, and those they create, until
	 * none is left. (Other classes share this engine and leave their own jobs.)
	 */
	private void runDueJobs() {
		DeploymentJobs.runDue(this.runtime, this.management, this.launched);
		takeWork();
	}

	/** Runs the jobs, then answers the oldest work handed over. */
	private PhaseWork answer(PhaseOutcome outcome, String detail) {
		runDueJobs();
		assertThat(this.outstanding).as("work handed over").isNotEmpty();
		PhaseWork phaseWork = this.outstanding.remove(0);
		assertThat(this.results.report(phaseWork.runId(), outcome, detail)).isTrue();
		return phaseWork;
	}

	private void moveClock(Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
	}

	private DeploymentTarget only(Deployment deployment) {
		return this.deployments.get(deployment.id()).targets().get(0);
	}

	private long instancesOf(Deployment deployment) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(DeploymentRuns.businessKey(deployment.id()))
			.count();
	}

	@Test
	void shouldCarryTheMachineThroughEveryPhaseInOrder() {
		Deployment deployment = launch(1, options(WakeOnLanMode.BEFORE_TRANSFER, true, true, true, true, null));
		assertThat(deployment.processInstanceId()).isNotNull();

		for (int i = 0; i < 6; i++) {
			answer(PhaseOutcome.DONE, null);
		}
		runDueJobs();

		assertThat(this.started).extracting(PhaseWork::phase)
			.containsExactly(DeploymentPhase.WOL, DeploymentPhase.TRANSFER, DeploymentPhase.EXECUTE,
					DeploymentPhase.DELETE, DeploymentPhase.INVENTORY, DeploymentPhase.SHUTDOWN);
		DeploymentTarget target = only(deployment);
		assertThat(target.state()).isEqualTo(TargetState.DONE);
		assertThat(target.phases().values()).containsOnly(PhaseStatus.DONE);
		assertThat(this.deployments.get(deployment.id()).state()).isEqualTo(DeploymentState.DONE);
		assertThat(instancesOf(deployment)).as("every process ended").isZero();
		org.assertj.core.api.Assertions
			.assertThat(this.engine.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processInstanceId(deployment.processInstanceId())
				.singleResult()
				.getState())
			.isEqualTo("COMPLETED");
	}

	@Test
	void shouldSkipThePhasesTheDeploymentDoesNotAskFor() {
		Deployment deployment = launch(1, options(WakeOnLanMode.NEVER, false, false, false, false, null));

		answer(PhaseOutcome.DONE, null);
		runDueJobs();

		assertThat(this.started).extracting(PhaseWork::phase).containsExactly(DeploymentPhase.TRANSFER);
		assertThat(only(deployment).state()).isEqualTo(TargetState.DONE);
		assertThat(activitiesPassed(deployment, DeployPackageVariables.PROCESS_KEY))
			.as("each question both joins and chooses: no joining gateway of its own, a row of history less each")
			.containsExactlyInAnyOrder("StartEvent_MachineDeploymentRequested", "Task_PlanMachinePhases",
					"Gateway_WakeFirst", "Gateway_ThroughAgent", "CallActivity_TransferPackage",
					"Gateway_RunInstallCommand", "Gateway_DeletePackageFiles", "Gateway_RefreshInventory",
					"Gateway_SendPowerCommand", "Task_RecordMachineDone", "EndEvent_MachineDone");
	}

	private List<String> activitiesPassed(Deployment deployment, String processKey) {
		HistoryService history = this.engine.getHistoryService();
		String instanceId = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(DeploymentRuns.businessKey(deployment.id()))
			.singleResult()
			.getId();
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(instanceId)
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

	@Test
	void shouldTryTheTransferWhenWakeOnLanFails() {
		Deployment deployment = launch(1, options(WakeOnLanMode.BEFORE_TRANSFER, null, null, null, null, null));

		answer(PhaseOutcome.UNREACHABLE, "the machine did not answer after Wake-on-LAN");
		answer(PhaseOutcome.DONE, null);
		answer(PhaseOutcome.DONE, null);
		answer(PhaseOutcome.DONE, null);
		runDueJobs();

		DeploymentTarget target = only(deployment);
		assertThat(target.state()).isEqualTo(TargetState.DONE);
		assertThat(target.phases()).containsEntry(DeploymentPhase.WOL, PhaseStatus.FAILED)
			.containsEntry(DeploymentPhase.DELETE, PhaseStatus.DONE);
	}

	@Test
	void shouldRetryAFailingPhaseSixtyMinutesLaterThenGoOn() {
		Deployment deployment = launch(1, options(WakeOnLanMode.NEVER, null, null, null, null, null));
		answer(PhaseOutcome.DONE, null);

		Instant failedAt = ClockUtil.getCurrentTime().toInstant();
		answer(PhaseOutcome.FAILED, "exit status 1");
		assertThat(only(deployment).state()).isEqualTo(TargetState.RESCHEDULED);
		assertThat(only(deployment).rescheduleReason()).isEqualTo(RescheduleReason.PHASE_FAILED);
		assertThat(only(deployment).nextAttemptAt()).isEqualTo(failedAt.plus(Duration.ofMinutes(60)));
		runDueJobs();
		assertThat(this.outstanding).as("nothing before the delay").isEmpty();

		moveClock(Duration.ofMinutes(60));
		answer(PhaseOutcome.FAILED, "exit status 1");
		moveClock(Duration.ofMinutes(60));
		PhaseWork third = answer(PhaseOutcome.DONE, null);
		assertThat(third.phase()).isEqualTo(DeploymentPhase.EXECUTE);
		assertThat(third.attempt()).isEqualTo(3);
		answer(PhaseOutcome.DONE, null);
		runDueJobs();

		assertThat(only(deployment).state()).isEqualTo(TargetState.DONE);
	}

	/**
	 * The console's process view of one machine: each process it went through, with the
	 * activity it waits in and the retry timer while it runs, and the whole path once it
	 * ended, read back from the engine's history.
	 */
	@Test
	void shouldShowEachProcessAMachineWentThroughWhileRunningAndAfterwards() {
		Deployment deployment = launch(1, options(WakeOnLanMode.NEVER, null, null, null, null, null));
		long machineId = only(deployment).machineId();
		answer(PhaseOutcome.DONE, null);
		answer(PhaseOutcome.FAILED, "exit status 1");
		runDueJobs();

		List<MachineProcess> waiting = this.machineProcesses.of(deployment.id(), machineId);
		assertThat(waiting).extracting(MachineProcess::processKey)
			.containsExactly("deploy-package", "deployment-phase", "deployment-phase");
		MachineProcess machine = waiting.get(0);
		assertThat(machine.running()).isTrue();
		assertThat(machine.steps()).filteredOn(MachineProcess.Step::waiting)
			.extracting(MachineProcess.Step::activityId)
			.containsExactly("CallActivity_RunInstallCommand");
		assertThat(waiting.get(1).running()).isFalse();
		MachineProcess execute = waiting.get(2);
		assertThat(execute.timers()).as("the retry, 60 minutes on")
			.singleElement()
			.satisfies((timer) -> assertThat(timer.dueAt())
				.isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(60))));
		assertThat(execute.steps()).filteredOn(MachineProcess.Step::waiting)
			.extracting(MachineProcess.Step::activityId)
			.containsExactly(execute.timers().get(0).activityId());

		moveClock(Duration.ofMinutes(60));
		answer(PhaseOutcome.DONE, null);
		answer(PhaseOutcome.DONE, null);
		runDueJobs();

		List<MachineProcess> ended = this.machineProcesses.of(deployment.id(), machineId);
		assertThat(ended).extracting(MachineProcess::processKey)
			.containsExactly("deploy-package", "deployment-phase", "deployment-phase", "deployment-phase");
		assertThat(ended).noneMatch(MachineProcess::running);
		assertThat(ended).extracting(MachineProcess::phase)
			.as("which phase each instance of the one phase process ran")
			.containsExactly(null, "TRANSFER", "EXECUTE", "DELETE");
		assertThat(ended.get(0).steps()).extracting(MachineProcess.Step::activityId)
			.contains("CallActivity_TransferPackage", "CallActivity_RunInstallCommand",
					"CallActivity_DeletePackageFiles")
			.doesNotContain("CallActivity_WakeMachine");
		assertThat(ended.get(0).steps()).noneMatch(MachineProcess.Step::waiting);
		assertThat(this.machineProcesses.diagram(ended.get(0).processDefinitionId()))
			.contains("id=\"CallActivity_RunInstallCommand\"");
		assertThatThrownBy(() -> this.machineProcesses.of(deployment.id(), machineId + 1_000_000))
			.isInstanceOf(MachineNotInDeploymentException.class);
	}

	@Test
	void shouldFailDuringExecuteAfterThreeFailuresAndNotDelete() {
		Deployment deployment = launch(1, options(WakeOnLanMode.NEVER, null, null, null, null, null));
		answer(PhaseOutcome.DONE, null);
		for (int attempt = 1; attempt <= 3; attempt++) {
			answer(PhaseOutcome.FAILED, "exit status 3");
			moveClock(Duration.ofMinutes(60));
		}
		runDueJobs();

		DeploymentTarget target = only(deployment);
		assertThat(target.state()).isEqualTo(TargetState.FAILED);
		assertThat(target.failedPhase()).isEqualTo(DeploymentPhase.EXECUTE);
		assertThat(target.detail()).isEqualTo("failed during execute: exit status 3");
		assertThat(target.phases()).containsEntry(DeploymentPhase.DELETE, PhaseStatus.NOT_STARTED);
		assertThat(this.started).extracting(PhaseWork::phase).doesNotContain(DeploymentPhase.DELETE);
		assertThat(this.deployments.get(deployment.id()).state()).isEqualTo(DeploymentState.FAILED);
		assertThat(instancesOf(deployment)).isZero();
	}

	@Test
	void shouldFailTheMachineWhenTheEndDatePassesBetweenPhases() {
		Instant end = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(30));
		Deployment deployment = launch(1, DeploymentOptions.builder().wol(WakeOnLanMode.NEVER).endAt(end).build());
		answer(PhaseOutcome.DONE, null);
		// The command fails; its retry would come an hour later, after the end date.
		answer(PhaseOutcome.FAILED, "exit status 1");
		runDueJobs();

		DeploymentTarget target = only(deployment);
		assertThat(target.state()).isEqualTo(TargetState.FAILED);
		assertThat(target.detail()).contains("end date passed");
		assertThat(instancesOf(deployment)).isZero();
	}

	@Test
	void shouldStopAfterThePhaseInProgressWhenPausedAndGoOnWhenResumed() {
		Deployment deployment = launch(1, options(WakeOnLanMode.NEVER, null, null, null, null, null));
		answer(PhaseOutcome.DONE, null);
		runDueJobs();
		assertThat(only(deployment).state()).isEqualTo(TargetState.EXECUTING);

		this.runs.pause(deployment.id(), "admin");
		assertThat(this.deployments.get(deployment.id()).state()).isEqualTo(DeploymentState.PAUSED);
		PhaseWork execute = answer(PhaseOutcome.DONE, null);
		assertThat(execute.phase()).isEqualTo(DeploymentPhase.EXECUTE);
		runDueJobs();
		assertThat(this.outstanding).as("delete waits for the resume").isEmpty();
		assertThat(only(deployment).state()).isEqualTo(TargetState.PAUSED);
		assertThat(only(deployment).phases()).containsEntry(DeploymentPhase.EXECUTE, PhaseStatus.DONE)
			.containsEntry(DeploymentPhase.DELETE, PhaseStatus.NOT_STARTED);

		this.runs.resume(deployment.id(), "admin");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			runDueJobs();
			assertThat(this.outstanding).isNotEmpty();
		});
		assertThat(answer(PhaseOutcome.DONE, null).phase()).isEqualTo(DeploymentPhase.DELETE);
		runDueJobs();
		assertThat(only(deployment).state()).isEqualTo(TargetState.DONE);
	}

	@Test
	void shouldStopAtOnce() {
		Deployment deployment = launch(2, options(WakeOnLanMode.NEVER, null, null, null, null, null));
		runDueJobs();
		assertThat(this.outstanding).hasSize(2);

		Deployment stopped = this.runs.stop(deployment.id(), "admin");

		assertThat(stopped.targets()).extracting(DeploymentTarget::state).containsOnly(TargetState.STOPPED);
		assertThat(stopped.targets()).allSatisfy((target) -> {
			assertThat(target.phases()).containsEntry(DeploymentPhase.TRANSFER, PhaseStatus.FAILED);
			assertThat(target.detail()).isEqualTo("stopped by admin");
		});
		assertThat(stopped.state()).isEqualTo(DeploymentState.STOPPED);
		assertThat(stopped.stoppedBy()).isEqualTo("admin");
		assertThat(instancesOf(deployment)).as("every process removed").isZero();
		verify(this.work).cancel(deployment.id());
		assertThat(this.results.report(this.outstanding.get(0).runId(), PhaseOutcome.DONE, null))
			.as("a late result is dropped")
			.isFalse();
		assertThat(only(stopped).state()).isEqualTo(TargetState.STOPPED);
	}

	@Test
	void shouldNeverWorkOnMoreMachinesAtOnceThanTheCap() {
		Deployment deployment = launch(5, options(WakeOnLanMode.NEVER, false, false, null, null, 2));
		runDueJobs();

		assertThat(this.outstanding).hasSize(2);
		assertThat(this.deployments.get(deployment.id()).targets())
			.filteredOn((target) -> target.state() == TargetState.SCHEDULED)
			.hasSize(3)
			.allSatisfy((target) -> assertThat(target.detail()).contains("waiting for a free slot", "2 of 2"));

		while (this.started.size() < 5 || !this.outstanding.isEmpty()) {
			assertThat(this.outstanding).isNotEmpty();
			answer(PhaseOutcome.DONE, null);
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				runDueJobs();
				long done = this.deployments.get(deployment.id())
					.targets()
					.stream()
					.filter((target) -> target.state() == TargetState.DONE)
					.count();
				assertThat(this.outstanding.size()).isEqualTo((int) Math.min(2, 5 - done));
			});
		}

		assertThat(this.mostAtOnce).isEqualTo(2);
		assertThat(this.started).hasSize(5);
		assertThat(this.deployments.get(deployment.id()).state()).isEqualTo(DeploymentState.DONE);
	}

	@Test
	void shouldCarryEveryMachineOfSeveralBatchesToTheEnd() {
		int machines = DeploymentMachines.BATCH_SIZE + 3;
		Deployment deployment = launch(machines, options(WakeOnLanMode.NEVER, false, false, null, null, machines));
		runDueJobs();
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey("deploy-to-machine-batch")
			.processInstanceBusinessKey(DeploymentRuns.businessKey(deployment.id()))
			.count()).as("batches").isEqualTo(2);
		assertThat(this.outstanding).hasSize(machines);
		List<String> batched = new ArrayList<>();
		this.deploymentMachines.batches(deployment.id())
			.forEach((batch) -> batched.addAll(this.deploymentMachines.namesInBatch(deployment.id(), batch)));
		assertThat(batched).as("the batches, one after the other")
			.hasSize(machines)
			.isEqualTo(this.deploymentMachines.names(deployment.id()));

		while (!this.outstanding.isEmpty()) {
			answer(PhaseOutcome.DONE, null);
		}
		runDueJobs();

		Deployment finished = this.deployments.get(deployment.id());
		assertThat(finished.targets()).hasSize(machines)
			.extracting(DeploymentTarget::state)
			.containsOnly(TargetState.DONE);
		assertThat(this.started).extracting(PhaseWork::machineName).doesNotHaveDuplicates().hasSize(machines);
		assertThat(finished.state()).isEqualTo(DeploymentState.DONE);
		assertThat(instancesOf(deployment)).as("every process ended").isZero();
	}

	@Test
	void shouldRetryTheFailedMachinesNow() {
		Deployment deployment = launch(1, DeploymentOptions.builder().wol(WakeOnLanMode.NEVER).attempts(1).build());
		answer(PhaseOutcome.UNREACHABLE, "connection refused");
		runDueJobs();
		assertThat(only(deployment).state()).isEqualTo(TargetState.FAILED);

		Deployment retried = this.runs.retryFailed(deployment.id(), "admin");
		assertThat(only(retried).state()).as("waits for a worker").isEqualTo(TargetState.SCHEDULED);
		runDueJobs();
		retried = this.deployments.get(deployment.id());
		assertThat(only(retried).state()).as("started over at once").isEqualTo(TargetState.SENDING);
		assertThat(only(retried).phases()).containsEntry(DeploymentPhase.TRANSFER, PhaseStatus.RUNNING)
			.containsEntry(DeploymentPhase.EXECUTE, PhaseStatus.NOT_STARTED)
			.containsEntry(DeploymentPhase.DELETE, PhaseStatus.NOT_STARTED);
		answer(PhaseOutcome.DONE, null);
		answer(PhaseOutcome.DONE, null);
		answer(PhaseOutcome.DONE, null);
		runDueJobs();

		assertThat(only(deployment).state()).isEqualTo(TargetState.DONE);
		assertThat(this.started).extracting(PhaseWork::phase)
			.containsExactly(DeploymentPhase.TRANSFER, DeploymentPhase.TRANSFER, DeploymentPhase.EXECUTE,
					DeploymentPhase.DELETE);
	}

	@Test
	void shouldDeployABundleLevelByLevel() {
		Deployment bundle = launchBundle(options(WakeOnLanMode.NEVER, false, false, null, null, null), 1, 1, 2);
		assertThat(bundle.bundle()).extracting(parc.orchestrator.deployment.BundlePart::level).containsExactly(1, 1, 2);
		long levelTwo = bundle.bundle().get(2).deploymentId();
		runDueJobs();

		assertThat(this.outstanding).as("both packages of level 1 at once")
			.extracting(PhaseWork::deploymentId)
			.containsExactlyInAnyOrder(bundle.bundle().get(0).deploymentId(), bundle.bundle().get(1).deploymentId());
		assertThat(only(bundle).state()).isEqualTo(TargetState.SENDING);
		answer(PhaseOutcome.DONE, null);
		runDueJobs();
		assertThat(this.outstanding).as("level 2 waits for all of level 1").hasSize(1);
		assertThat(this.outstanding.get(0).deploymentId()).isNotEqualTo(levelTwo);
		answer(PhaseOutcome.DONE, null);
		runDueJobs();

		assertThat(this.outstanding).extracting(PhaseWork::deploymentId).containsExactly(levelTwo);
		answer(PhaseOutcome.DONE, null);
		runDueJobs();
		assertThat(only(bundle).state()).isEqualTo(TargetState.DONE);
		assertThat(this.deployments.get(bundle.id()).state()).isEqualTo(DeploymentState.DONE);
		assertThat(instancesOf(bundle)).isZero();
	}

	@Test
	void shouldNotStartALaterLevelWhenAnEarlierOneFailed() {
		Deployment bundle = launchBundle(DeploymentOptions.builder()
			.wol(WakeOnLanMode.NEVER)
			.runScript(false)
			.deleteFiles(false)
			.attempts(1)
			.build(), 1, 1, 2);
		long failing = bundle.bundle().get(0).deploymentId();
		runDueJobs();
		PhaseWork first = this.outstanding.stream().filter((work) -> work.deploymentId() == failing).findFirst().get();
		this.outstanding.remove(first);
		this.results.report(first.runId(), PhaseOutcome.FAILED, "checksum mismatch");
		answer(PhaseOutcome.DONE, null);
		runDueJobs();

		assertThat(this.started).as("level 2 never started").hasSize(2);
		DeploymentTarget machine = only(bundle);
		assertThat(machine.state()).isEqualTo(TargetState.FAILED);
		assertThat(machine.failedPhase()).isEqualTo(DeploymentPhase.TRANSFER);
		assertThat(machine.detail()).startsWith(bundle.bundle().get(0).label())
			.contains("failed during transfer: checksum mismatch", "later levels not started");
		DeploymentTarget levelTwo = this.deployments.get(bundle.bundle().get(2).deploymentId()).targets().get(0);
		assertThat(levelTwo.state()).isEqualTo(TargetState.FAILED);
		assertThat(levelTwo.detail()).isEqualTo("not started: level 1 of the bundle failed");
		assertThat(this.deployments.get(bundle.id()).state()).isEqualTo(DeploymentState.FAILED);
		assertThat(instancesOf(bundle)).isZero();
	}

}
