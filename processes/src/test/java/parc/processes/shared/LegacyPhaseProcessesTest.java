package parc.processes.shared;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

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
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentTarget;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResultService;
import parc.orchestrator.deployment.PhaseStatus;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.deployment.PhaseWorkGateway;
import parc.orchestrator.deployment.RescheduleReason;
import parc.orchestrator.deployment.TargetState;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.IncomingFile;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.processes.ProcessCoverageConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

/**
 * The six phase processes of an older Parc (a send task, a message wait and a safety
 * timer each), still deployed so that instances started before an upgrade finish: each
 * through the same cases on the real engine and PostgreSQL, with the engine's clock moved
 * by hand and the work's results reported as the routes' legacy worker does. New phases
 * run {@code deployment-phase} ({@link DeploymentPhaseProcessTest}).
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
		"parc.deployment.time-zone=Europe/Paris" })
@Import(ProcessCoverageConfiguration.class)
class LegacyPhaseProcessesTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@MockitoBean
	PhaseWorkGateway work;

	@Autowired
	RuntimeService runtime;

	@Autowired
	org.camunda.bpm.engine.ProcessEngine engine;

	@Autowired
	PhaseResultService results;

	@Autowired
	DeploymentService deployments;

	@Autowired
	parc.orchestrator.deployment.DeploymentRuns runs;

	@Autowired
	PackageService packages;

	@Autowired
	MachineService machines;

	@Autowired
	CredentialService credentials;

	/**
	 * This class has its own context (the Paris zone), so its own engine: the assertions
	 * must look at it, not at the first engine of the JVM.
	 */
	@org.junit.jupiter.api.BeforeEach
	void useThisEngine() {
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(this.engine);
	}

	/**
	 * A phase process and its own element ids.
	 *
	 * @param key process key
	 * @param phase the phase it runs
	 * @param waitTask the task waiting for the result
	 * @param recordTask the task recording it
	 * @param doneEnd the end when it succeeded
	 * @param failedEnd the end when it failed for good
	 */
	record PhaseProcess(String key, DeploymentPhase phase, String waitTask, String recordTask, String doneEnd,
			String failedEnd) {

		@Override
		public String toString() {
			return this.key;
		}

	}

	static Stream<PhaseProcess> phases() {
		return Stream.of(
				new PhaseProcess("wake-machine", DeploymentPhase.WOL, "Task_WaitForMachineAwake",
						"Task_RecordWakeOutcome", "EndEvent_MachineAwake", "EndEvent_MachineNotWoken"),
				new PhaseProcess("transfer-package", DeploymentPhase.TRANSFER, "Task_WaitForTransferResult",
						"Task_RecordTransferOutcome", "EndEvent_FilesSent", "EndEvent_TransferFailed"),
				new PhaseProcess("run-install-command", DeploymentPhase.EXECUTE, "Task_WaitForCommandResult",
						"Task_RecordCommandOutcome", "EndEvent_CommandSucceeded", "EndEvent_CommandFailed"),
				new PhaseProcess("delete-package-files", DeploymentPhase.DELETE, "Task_WaitForDeletionResult",
						"Task_RecordDeletionOutcome", "EndEvent_FilesDeleted", "EndEvent_DeletionFailed"),
				new PhaseProcess("refresh-machine-inventory", DeploymentPhase.INVENTORY, "Task_WaitForInventoryResult",
						"Task_RecordInventoryOutcome", "EndEvent_InventoryRefreshed", "EndEvent_InventoryFailed"),
				new PhaseProcess("shut-down-machine", DeploymentPhase.SHUTDOWN, "Task_WaitForPowerResult",
						"Task_RecordPowerOutcome", "EndEvent_PowerCommandSent", "EndEvent_PowerCommandFailed"));
	}

	/** The phases tried as often as the deployment says: all but Wake-on-LAN. */
	static Stream<PhaseProcess> retriedPhases() {
		return phases().filter((process) -> process.phase() != DeploymentPhase.WOL);
	}

	/** And hands the assertions back to the JVM's first engine for the next class. */
	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
	}

	private static void clockAt(String local) {
		ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.parse(local).atZone(PARIS).toInstant()));
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Deployment deployment(DeploymentOptions options) {
		long credential = this.credentials
			.create(new CredentialDraft(unique("pw"), CredentialType.PASSWORD, "root", null, null, "pw"))
			.id();
		Machine machine = this.machines.register(new MachineDraft(unique("srv"), "192.0.2.70", List.of(),
				OsFamily.LINUX, Channel.AGENTLESS_SSH, 22, null, credential, List.of(), null, null));
		long pkg = this.packages
			.createFromFiles(new PackageDraft(unique("pkg"), "1", null, "./install.sh", OsFamily.LINUX, false, null),
					List.of(new IncomingFile("install.sh", () -> new ByteArrayInputStream("echo".getBytes()))), "admin")
			.id();
		return this.deployments.create(new DeploymentRequest(pkg, List.of(machine.id()), options), "admin");
	}

	private ProcessInstance start(PhaseProcess process, Deployment deployment) {
		DeploymentTarget target = deployment.targets().get(0);
		return this.runtime.startProcessInstanceByKey(process.key(),
				Map.of(PhaseVariables.DEPLOYMENT_ID, deployment.id(), PhaseVariables.MACHINE_NAME, target.machineName(),
						PhaseVariables.MACHINE_ID, target.machineId()));
	}

	/**
	 * The attempt timer fires if it waited, then the asynchronous send: the work is
	 * handed over.
	 */
	private PhaseWork runAttempt(ProcessInstance instance, int expectedWorks) {
		// The attempt's timer when it waited, then the asynchronous hand-over.
		for (int job = 0; job < 3
				&& org.mockito.Mockito.mockingDetails(this.work).getInvocations().size() < expectedWorks; job++) {
			execute(job(instance));
		}
		ArgumentCaptor<PhaseWork> captor = ArgumentCaptor.forClass(PhaseWork.class);
		verify(this.work, org.mockito.Mockito.times(expectedWorks)).start(captor.capture());
		return captor.getValue();
	}

	private DeploymentTarget target(Deployment deployment) {
		return this.deployments.get(deployment.id()).targets().get(0);
	}

	private static DeploymentOptions options(String intervals, Instant endAt) {
		return DeploymentOptions.builder().endAt(endAt).intervals(intervals).build();
	}

	@org.junit.jupiter.api.Test
	void shouldEndTheWakeUpAfterOneFailureWithoutFailingTheMachine() {
		PhaseProcess wake = phases().filter((process) -> process.phase() == DeploymentPhase.WOL).findFirst().get();
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(wake, deployment);

		PhaseWork work = runAttempt(instance, 1);
		this.results.report(work.runId(), PhaseOutcome.UNREACHABLE, "no answer after Wake-on-LAN");

		assertThat(instance).hasPassed(wake.failedEnd()).isEnded();
		DeploymentTarget target = target(deployment);
		assertThat(target.phases()).containsEntry(DeploymentPhase.WOL, PhaseStatus.FAILED);
		assertThat(target.state()).as("the deployment goes on to the transfer").isNotEqualTo(TargetState.FAILED);
		assertThat(target.failedPhase()).isNull();
		assertThat(target.detail()).contains("no answer after Wake-on-LAN", "goes on");
	}

	@ParameterizedTest
	@MethodSource("phases")
	void shouldWaitWhilePausedAndStartOnceResumed(PhaseProcess process) {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		this.runs.pause(deployment.id(), "admin");
		ProcessInstance instance = start(process, deployment);

		assertThat(instance).isWaitingAt("Task_WaitUntilAllowedToRun");
		assertThat(target(deployment).state()).isEqualTo(TargetState.PAUSED);
		assertThat(target(deployment).detail()).contains("resumed");

		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(1))));
		execute(job(instance));
		assertThat(instance).hasPassed("Boundary_SlotCheckDue").isWaitingAt("Task_WaitUntilAllowedToRun");
		verify(this.work, org.mockito.Mockito.never()).start(org.mockito.ArgumentMatchers.any());

		this.runs.resume(deployment.id(), "admin");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(instance).isWaitingAt(workTask(process)));
		execute(job(instance));
		assertThat(instance).isWaitingAt(process.waitTask());
		assertThat(target(deployment).state()).isEqualTo(process.phase().runningState());
	}

	/** The task that hands the work over: the one the wait task follows. */
	private String workTask(PhaseProcess process) {
		return this.engine.getRepositoryService()
			.getBpmnModelInstance(this.engine.getRepositoryService()
				.createProcessDefinitionQuery()
				.processDefinitionKey(process.key())
				.latestVersion()
				.singleResult()
				.getId())
			.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ServiceTask.class)
			.stream()
			.filter((task) -> "${startPhaseWorkDelegate}".equals(task.getCamundaDelegateExpression()))
			.findFirst()
			.orElseThrow()
			.getId();
	}

	@org.junit.jupiter.api.Test
	void shouldCutAndResumeAcrossTheSpringForwardChange() {
		PhaseProcess transfer = phases().filter((process) -> process.phase() == DeploymentPhase.TRANSFER)
			.findFirst()
			.get();
		// In Paris on 2026-03-29 the clocks jump from 02:00 to 03:00: 01-06 lasts 4
		// hours.
		clockAt("2026-03-29T00:00");
		Deployment deployment = deployment(options("01-06", null));
		ProcessInstance instance = start(transfer, deployment);
		assertThat(job(instance).getDuedate().toInstant()).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));

		clockAt("2026-03-29T01:00");
		PhaseWork work = runAttempt(instance, 1);
		assertThat(work.deadline()).isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
		assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), work.deadline())).hasHours(4);

		ClockUtil.setCurrentTime(Date.from(work.deadline()));
		this.results.report(work.runId(), PhaseOutcome.CUT, "window closed");
		assertThat(job(instance).getDuedate().toInstant()).as("01:00 summer time the next day")
			.isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
	}

	@ParameterizedTest
	@MethodSource("phases")
	void shouldSendTheFilesAndEndWhenTheWorkSucceeds(PhaseProcess process) {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(process, deployment);

		assertThat(instance).as("due now: no timer").isWaitingAt(workTask(process));
		PhaseWork work = runAttempt(instance, 1);
		assertThat(instance).hasNotPassed("Timer_AttemptDue").isWaitingAt(process.waitTask());
		assertThat(work.phase()).isEqualTo(process.phase());
		assertThat(work.attempt()).isEqualTo(1);
		assertThat(target(deployment).state()).isEqualTo(process.phase().runningState());
		assertThat(target(deployment).phases()).containsEntry(process.phase(), PhaseStatus.RUNNING);

		assertThat(this.results.report(work.runId(), PhaseOutcome.DONE, null)).isTrue();

		assertThat(instance).hasPassed(process.recordTask(), process.doneEnd()).isEnded();
		assertThat(target(deployment).phases()).containsEntry(process.phase(), PhaseStatus.DONE);
		assertThat(this.deployments.log(deployment.id(), work.machineId())).extracting(LogLine::text)
			.containsExactly(process.phase().name().toLowerCase() + " attempt 1 started",
					process.phase().name().toLowerCase() + " attempt 1: DONE");
		assertThat(this.results.report(work.runId(), PhaseOutcome.DONE, null)).as("nobody waits any more").isFalse();
	}

	@ParameterizedTest
	@MethodSource("retriedPhases")
	void shouldRetrySixtyMinutesLaterAfterEachFailureThenSucceed(PhaseProcess process) {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(process, deployment);

		PhaseWork first = runAttempt(instance, 1);
		this.results.report(first.runId(), PhaseOutcome.UNREACHABLE, "connection refused");
		assertThat(instance).isWaitingAt("Timer_AttemptDue");
		assertThat(job(instance).getDuedate().toInstant())
			.isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(60)));
		assertThat(target(deployment).state()).isEqualTo(TargetState.RESCHEDULED);
		assertThat(target(deployment).rescheduleReason()).isEqualTo(RescheduleReason.UNREACHABLE);

		clockAt("2026-12-01T11:00");
		PhaseWork second = runAttempt(instance, 2);
		assertThat(second.attempt()).isEqualTo(2);
		this.results.report(second.runId(), PhaseOutcome.FAILED, "checksum mismatch");
		assertThat(target(deployment).rescheduleReason()).isEqualTo(RescheduleReason.PHASE_FAILED);
		assertThat(target(deployment).nextAttemptAt())
			.isEqualTo(java.time.LocalDateTime.parse("2026-12-01T12:00").atZone(PARIS).toInstant());

		clockAt("2026-12-01T12:00");
		PhaseWork third = runAttempt(instance, 3);
		this.results.report(third.runId(), PhaseOutcome.DONE, null);
		assertThat(instance).hasPassed(process.doneEnd()).isEnded();
	}

	@ParameterizedTest
	@MethodSource("retriedPhases")
	void shouldFailDuringThePhaseAfterThreeFailures(PhaseProcess process) {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(process, deployment);

		for (int attempt = 1; attempt <= 3; attempt++) {
			PhaseWork work = runAttempt(instance, attempt);
			this.results.report(work.runId(), PhaseOutcome.FAILED, "exit status 3");
			ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(60))));
		}

		assertThat(instance).hasPassed(process.failedEnd()).isEnded();
		DeploymentTarget target = target(deployment);
		assertThat(target.state()).isEqualTo(TargetState.FAILED);
		assertThat(target.failedPhase()).isEqualTo(process.phase());
		assertThat(target.detail())
			.isEqualTo("failed during " + process.phase().name().toLowerCase() + ": exit status 3");
	}

	@ParameterizedTest
	@MethodSource("phases")
	void shouldWaitForTheWindowAndResumeInTheNextOneWhenCut(PhaseProcess process) {
		clockAt("2026-12-01T00:00");
		Deployment deployment = deployment(options("01-06", null));
		ProcessInstance instance = start(process, deployment);

		assertThat(instance).isWaitingAt("Timer_AttemptDue");
		assertThat(job(instance).getDuedate().toInstant())
			.isEqualTo(java.time.LocalDateTime.parse("2026-12-01T01:00").atZone(PARIS).toInstant());
		assertThat(target(deployment).rescheduleReason()).isEqualTo(RescheduleReason.OUTSIDE_WINDOW);

		clockAt("2026-12-01T01:00");
		PhaseWork work = runAttempt(instance, 1);
		assertThat(work.deadline())
			.isEqualTo(java.time.LocalDateTime.parse("2026-12-01T06:00").atZone(PARIS).toInstant());

		clockAt("2026-12-01T06:00");
		this.results.report(work.runId(), PhaseOutcome.CUT, "window closed");
		assertThat(instance).isWaitingAt("Timer_AttemptDue");
		assertThat(job(instance).getDuedate().toInstant())
			.isEqualTo(java.time.LocalDateTime.parse("2026-12-02T01:00").atZone(PARIS).toInstant());

		clockAt("2026-12-02T01:00");
		PhaseWork again = runAttempt(instance, 2);
		assertThat(again.attempt()).as("a cut is not a failed attempt").isEqualTo(1);
		this.results.report(again.runId(), PhaseOutcome.DONE, null);
		assertThat(instance).isEnded();
	}

	@ParameterizedTest
	@MethodSource("retriedPhases")
	void shouldFailWhenTheEndDateComesFirst(PhaseProcess process) {
		clockAt("2026-12-01T10:00");
		Instant end = java.time.LocalDateTime.parse("2026-12-01T10:30").atZone(PARIS).toInstant();
		Deployment deployment = deployment(options(null, end));
		ProcessInstance instance = start(process, deployment);

		PhaseWork work = runAttempt(instance, 1);
		assertThat(work.deadline()).isEqualTo(end);
		this.results.report(work.runId(), PhaseOutcome.UNREACHABLE, null);
		// The retry would be at 11:00, after the end date.
		assertThat(instance).hasPassed("EndEvent_EndDatePassed").isEnded();
		assertThat(target(deployment).state()).isEqualTo(TargetState.FAILED);
		assertThat(target(deployment).detail()).contains("end date passed");
	}

	@ParameterizedTest
	@MethodSource("retriedPhases")
	void shouldCountAMissingResultAsAFailedAttempt(PhaseProcess process) {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(process, deployment);

		runAttempt(instance, 1);
		execute(job(instance));

		assertThat(instance).hasPassed("Boundary_NoResultInTime", "Task_RecordMissingResult")
			.isWaitingAt("Timer_AttemptDue");
		assertThat(target(deployment).rescheduleReason()).isEqualTo(RescheduleReason.PHASE_FAILED);
		verify(this.work, atLeastOnce()).start(org.mockito.ArgumentMatchers.any());
	}

}
