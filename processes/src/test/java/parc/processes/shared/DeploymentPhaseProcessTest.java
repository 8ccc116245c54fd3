package parc.processes.shared;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentPhaseVariables;
import parc.orchestrator.deployment.DeploymentRequest;
import parc.orchestrator.deployment.DeploymentRuns;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentTarget;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseStatus;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseTaskService;
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

/**
 * {@code deployment-phase}, the one process every phase runs, on the real engine and
 * PostgreSQL: its work is an external task that the test takes and completes as Parc's
 * workers do ({@link PhaseTaskService}), with the engine's clock moved by hand. Each
 * phase goes through the same cases; the test also plays a worker that dies holding a
 * task.
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
		"parc.deployment.time-zone=Europe/Paris" })
@Import(ProcessCoverageConfiguration.class)
class DeploymentPhaseProcessTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final String WORKER = "phase-test-worker";

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ExternalTaskService externalTasks;

	@Autowired
	PhaseTaskService tasks;

	@Autowired
	DeploymentService deployments;

	@Autowired
	DeploymentRuns runs;

	@Autowired
	PackageService packages;

	@Autowired
	MachineService machines;

	@Autowired
	CredentialService credentials;

	private final List<Long> created = new ArrayList<>();

	/** This class has its own context, so its own engine: the assertions look at it. */
	@BeforeEach
	void useThisEngine() {
		BpmnAwareTests.init(this.engine);
	}

	/** A machine left with work would be taken by the next test's worker. */
	@AfterEach
	void stopLeftoversAndResetClock() {
		for (long id : this.created) {
			if (this.deployments.get(id).targets().stream().anyMatch((target) -> !target.state().isFinal())) {
				this.runs.stop(id, "the end of the test");
			}
		}
		ClockUtil.reset();
		BpmnAwareTests.reset();
	}

	static Stream<DeploymentPhase> phases() {
		return Stream.of(DeploymentPhase.WOL, DeploymentPhase.TRANSFER, DeploymentPhase.EXECUTE, DeploymentPhase.DELETE,
				DeploymentPhase.INVENTORY, DeploymentPhase.SHUTDOWN);
	}

	/** The phases tried as often as the deployment says: all but Wake-on-LAN. */
	static Stream<DeploymentPhase> retriedPhases() {
		return phases().filter((phase) -> phase != DeploymentPhase.WOL);
	}

	private static void clockAt(String local) {
		ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.parse(local).atZone(PARIS).toInstant()));
	}

	private static void moveClock(Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Deployment deployment(DeploymentOptions options) {
		return deployment(options, 1);
	}

	private Deployment deployment(DeploymentOptions options, int machineCount) {
		long credential = this.credentials
			.create(new CredentialDraft(unique("pw"), CredentialType.PASSWORD, "root", null, null, "pw"))
			.id();
		List<Long> machineIds = new java.util.ArrayList<>();
		for (int i = 0; i < machineCount; i++) {
			machineIds.add(
					this.machines
						.register(new MachineDraft(unique("srv"), "192.0.2.71", List.of(), OsFamily.LINUX,
								Channel.AGENTLESS_SSH, 22, null, credential, List.of(), null, null))
						.id());
		}
		long pkg = this.packages
			.createFromFiles(new PackageDraft(unique("pkg"), "1", null, "./install.sh", OsFamily.LINUX, false, null),
					List.of(new IncomingFile("install.sh", () -> new ByteArrayInputStream("echo".getBytes()))), "admin")
			.id();
		Deployment deployment = this.deployments.create(new DeploymentRequest(pkg, machineIds, options), "admin");
		this.created.add(deployment.id());
		return deployment;
	}

	/** The phase as {@code deploy-package} calls it, Wake-on-LAN with its one attempt. */
	private ProcessInstance start(DeploymentPhase phase, Deployment deployment) {
		return start(phase, deployment, deployment.targets().get(0));
	}

	private ProcessInstance start(DeploymentPhase phase, Deployment deployment, DeploymentTarget target) {
		Map<String, Object> variables = new HashMap<>(Map.of(DeploymentPhaseVariables.DEPLOYMENT_ID, deployment.id(),
				DeploymentPhaseVariables.MACHINE_NAME, target.machineName(), DeploymentPhaseVariables.MACHINE_ID,
				target.machineId(), DeploymentPhaseVariables.PHASE, phase.name()));
		if (phase == DeploymentPhase.WOL) {
			variables.put(PhaseVariables.MAX_ATTEMPTS, 1);
			variables.put(PhaseVariables.BEST_EFFORT, true);
		}
		return this.runtime.startProcessInstanceByKey(DeploymentPhaseVariables.DEPLOYMENT_PHASE,
				DeploymentRuns.businessKey(deployment.id()), variables);
	}

	private PhaseTask takeOne(String worker) {
		List<PhaseTask> taken = this.tasks.fetch(worker, 10);
		assertThat(taken).as("work handed to " + worker).hasSize(1);
		return taken.get(0);
	}

	private DeploymentTarget target(Deployment deployment) {
		return this.deployments.get(deployment.id()).targets().get(0);
	}

	private List<String> log(Deployment deployment) {
		return this.deployments.log(deployment.id(), target(deployment).machineId())
			.stream()
			.map(LogLine::text)
			.toList();
	}

	private static DeploymentOptions options(String intervals, Instant endAt) {
		return DeploymentOptions.builder().endAt(endAt).intervals(intervals).build();
	}

	@ParameterizedTest
	@MethodSource("phases")
	void shouldHandTheWorkToAWorkerOnThePhasesTopicAndEndWhenItIsDone(DeploymentPhase phase) {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(phase, deployment);

		assertThat(instance).as("due now: no timer, no job").isWaitingAt("Task_DoPhaseWork");
		ExternalTask waiting = this.externalTasks.createExternalTaskQuery()
			.processInstanceId(instance.getId())
			.singleResult();
		assertThat(waiting.getTopicName()).isEqualTo("parc-deployment-" + phase.name());
		PhaseTask task = takeOne(WORKER);
		assertThat(task.work().phase()).isEqualTo(phase);
		assertThat(task.work().attempt()).isEqualTo(1);
		assertThat(target(deployment).state()).isEqualTo(phase.runningState());
		assertThat(target(deployment).phases()).containsEntry(phase, PhaseStatus.RUNNING);
		assertThat(this.tasks.fetch(WORKER, 10)).as("a task is held by one worker").isEmpty();

		assertThat(this.tasks.complete(task, PhaseResult.done())).isTrue();

		assertThat(instance).hasPassed("Task_RecordOutcome", "EndEvent_PhaseDone").isEnded();
		assertThat(target(deployment).phases()).containsEntry(phase, PhaseStatus.DONE);
		assertThat(log(deployment)).containsExactly(phase.name().toLowerCase() + " attempt 1 started",
				phase.name().toLowerCase() + " attempt 1: DONE");
		assertThat(this.tasks.complete(task, PhaseResult.done())).as("nobody waits any more").isFalse();
	}

	@ParameterizedTest
	@MethodSource("phases")
	void shouldHandNothingOverWhilePausedAndSaySo(DeploymentPhase phase) {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		this.runs.pause(deployment.id(), "admin");
		ProcessInstance instance = start(phase, deployment);

		assertThat(instance).isWaitingAt("Task_DoPhaseWork");
		assertThat(this.tasks.fetch(WORKER, 10)).as("a paused deployment's work is not taken").isEmpty();
		assertThat(target(deployment).state()).isEqualTo(TargetState.PAUSED);
		assertThat(target(deployment).detail()).contains("resumed");

		this.runs.resume(deployment.id(), "admin");
		assertThat(target(deployment).state()).isEqualTo(TargetState.SCHEDULED);
		assertThat(target(deployment).detail()).contains("machines are being worked on");
		PhaseTask task = takeOne(WORKER);
		assertThat(task.work().phase()).isEqualTo(phase);
		assertThat(target(deployment).state()).isEqualTo(phase.runningState());
	}

	@Test
	void shouldHandOverAMachinesLaterPhaseBeforeAnotherMachinesFirst() {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.builder().concurrency(1).build(), 2);
		DeploymentTarget first = deployment.targets().get(0);
		DeploymentTarget second = deployment.targets().get(1);
		start(DeploymentPhase.TRANSFER, deployment, first);
		start(DeploymentPhase.EXECUTE, deployment, second);

		List<PhaseTask> taken = this.tasks.fetch(WORKER, 10);

		assertThat(taken).as("one slot").hasSize(1);
		assertThat(taken.get(0).work().machineName()).isEqualTo(second.machineName());
		assertThat(taken.get(0).work().phase()).isEqualTo(DeploymentPhase.EXECUTE);
	}

	@Test
	void shouldPassOneGatewayBeforeTheWorkAndOneAfter() {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(DeploymentPhase.TRANSFER, deployment);
		this.tasks.complete(takeOne(WORKER), PhaseResult.done());

		assertThat(this.engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.list()).extracting(HistoricActivityInstance::getActivityId)
			.as("every activity passed is a row of history per machine and phase")
			.containsExactlyInAnyOrder("StartEvent_PhaseRequested", "Task_PlanAttempt", "Gateway_WhenToWork",
					"Task_DoPhaseWork", "Task_RecordOutcome", "Gateway_WhatNext", "EndEvent_PhaseDone");
	}

	@Test
	void shouldStoreNoneOfTheDecisionsThatOnlySteerTheNextGateway() {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(DeploymentPhase.TRANSFER, deployment);
		this.tasks.complete(takeOne(WORKER), PhaseResult.of(PhaseOutcome.UNREACHABLE, "connection refused"));

		assertThat(instance).isWaitingAt("Timer_AttemptDue");
		assertThat(this.runtime.getVariables(instance.getId()).keySet()).as("stored variables")
			.contains(PhaseVariables.ATTEMPT, PhaseVariables.NOT_BEFORE)
			.doesNotContain(PhaseVariables.ATTEMPT_AT, PhaseVariables.ATTEMPT_DUE_NOW, PhaseVariables.PAST_END_DATE,
					PhaseVariables.NEXT, DeploymentPhaseVariables.WORK_OUTCOME, DeploymentPhaseVariables.WORK_DETAIL);
	}

	@Test
	void shouldFinishAnInstanceOfAnOlderParcThatStoresItsDecisionsAndOutcome() {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		DeploymentTarget target = deployment.targets().get(0);
		// As an older Parc left it: every decision and the last outcome stored.
		Map<String, Object> variables = new HashMap<>(Map.of(DeploymentPhaseVariables.DEPLOYMENT_ID, deployment.id(),
				DeploymentPhaseVariables.MACHINE_NAME, target.machineName(), DeploymentPhaseVariables.MACHINE_ID,
				target.machineId(), DeploymentPhaseVariables.PHASE, DeploymentPhase.EXECUTE.name(),
				PhaseVariables.ATTEMPT_AT, new java.util.Date(0), PhaseVariables.ATTEMPT_DUE_NOW, false,
				PhaseVariables.PAST_END_DATE, false, PhaseVariables.NEXT, "RETRY",
				DeploymentPhaseVariables.PHASE_OUTCOME, "FAILED", DeploymentPhaseVariables.PHASE_DETAIL, "old"));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(DeploymentPhaseVariables.DEPLOYMENT_PHASE,
				DeploymentRuns.businessKey(deployment.id()), variables);

		this.tasks.complete(takeOne(WORKER), PhaseResult.of(PhaseOutcome.FAILED, "exit status 2"));
		assertThat(instance).isWaitingAt("Timer_AttemptDue");
		assertThat(this.runtime.getVariable(instance.getId(), PhaseVariables.NEXT)).as("kept stored")
			.isEqualTo("RETRY");
		moveClock(Duration.ofMinutes(60));
		execute(job(instance));
		this.tasks.complete(takeOne(WORKER), PhaseResult.done());

		assertThat(instance).hasPassed("EndEvent_PhaseDone").isEnded();
		assertThat(log(deployment)).contains("execute attempt 1: FAILED (exit status 2)", "execute attempt 2: DONE");
	}

	@ParameterizedTest
	@MethodSource("retriedPhases")
	void shouldRetrySixtyMinutesLaterAfterEachFailureThenSucceed(DeploymentPhase phase) {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(phase, deployment);

		this.tasks.complete(takeOne(WORKER), PhaseResult.of(PhaseOutcome.UNREACHABLE, "connection refused"));
		assertThat(instance).isWaitingAt("Timer_AttemptDue");
		assertThat(job(instance).getDuedate().toInstant())
			.isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(60)));
		assertThat(target(deployment).state()).isEqualTo(TargetState.RESCHEDULED);
		assertThat(target(deployment).rescheduleReason()).isEqualTo(RescheduleReason.UNREACHABLE);
		assertThat(this.tasks.fetch(WORKER, 10)).as("nothing before the delay").isEmpty();

		moveClock(Duration.ofMinutes(60));
		execute(job(instance));
		PhaseTask second = takeOne(WORKER);
		assertThat(second.work().attempt()).isEqualTo(2);
		this.tasks.complete(second, PhaseResult.of(PhaseOutcome.FAILED, "exit status 1"));
		assertThat(target(deployment).rescheduleReason()).isEqualTo(RescheduleReason.PHASE_FAILED);

		moveClock(Duration.ofMinutes(60));
		execute(job(instance));
		PhaseTask third = takeOne(WORKER);
		assertThat(third.work().attempt()).isEqualTo(3);
		this.tasks.complete(third, PhaseResult.done());

		assertThat(instance).hasPassed("EndEvent_PhaseDone").isEnded();
		assertThat(target(deployment).phases()).containsEntry(phase, PhaseStatus.DONE);
	}

	@ParameterizedTest
	@MethodSource("retriedPhases")
	void shouldFailDuringThePhaseAfterThreeFailures(DeploymentPhase phase) {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(phase, deployment);

		for (int attempt = 1; attempt <= 3; attempt++) {
			if (attempt > 1) {
				moveClock(Duration.ofMinutes(60));
				execute(job(instance));
			}
			this.tasks.complete(takeOne(WORKER), PhaseResult.of(PhaseOutcome.FAILED, "exit status 2"));
		}

		assertThat(instance).hasPassed("EndEvent_PhaseFailed").isEnded();
		DeploymentTarget target = target(deployment);
		assertThat(target.state()).isEqualTo(TargetState.FAILED);
		assertThat(target.failedPhase()).isEqualTo(phase);
		assertThat(target.detail()).isEqualTo("failed during " + phase.name().toLowerCase() + ": exit status 2");
	}

	@Test
	void shouldEndTheWakeUpAfterOneFailureWithoutFailingTheMachine() {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(DeploymentPhase.WOL, deployment);

		this.tasks.complete(takeOne(WORKER), PhaseResult.of(PhaseOutcome.FAILED, "no MAC address"));

		assertThat(instance).hasPassed("EndEvent_PhaseFailed").isEnded();
		DeploymentTarget target = target(deployment);
		assertThat(target.phases()).containsEntry(DeploymentPhase.WOL, PhaseStatus.FAILED);
		assertThat(target.state()).as("the deployment goes on to the transfer").isNotEqualTo(TargetState.FAILED);
		assertThat(target.detail()).contains("no MAC address", "goes on");
	}

	@Test
	void shouldLookAgainOnATimerUntilTheWokenMachineAnswers() {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(DeploymentPhase.WOL, deployment);
		Instant now = ClockUtil.getCurrentTime().toInstant();
		Instant until = now.plus(Duration.ofMinutes(5));

		this.tasks.complete(takeOne(WORKER), PhaseResult.wakeWaiting(now.plusSeconds(10), until));

		assertThat(instance).isWaitingAt("Timer_CheckDue");
		assertThat(job(instance).getDuedate().toInstant()).isEqualTo(now.plusSeconds(10));
		assertThat(target(deployment).state()).isEqualTo(TargetState.WOL_IN_PROGRESS);
		assertThat(target(deployment).detail()).contains("answer over SSH");
		assertThat(this.tasks.fetch(WORKER, 10)).as("nothing to do until the timer").isEmpty();

		moveClock(Duration.ofSeconds(10));
		execute(job(instance));
		PhaseTask check = takeOne(WORKER);
		assertThat(check.wakeUntil()).as("the second look knows the machine was woken").isEqualTo(until);
		assertThat(check.work().attempt()).isEqualTo(1);
		this.tasks.complete(check, PhaseResult.done());

		assertThat(instance).hasPassed("EndEvent_PhaseDone").isEnded();
		assertThat(target(deployment).phases()).containsEntry(DeploymentPhase.WOL, PhaseStatus.DONE);
	}

	@ParameterizedTest
	@MethodSource("phases")
	void shouldWaitForTheWindowAndResumeInTheNextOneWhenCut(DeploymentPhase phase) {
		clockAt("2026-12-01T06:00");
		Deployment deployment = deployment(options("08-09", null));
		ProcessInstance instance = start(phase, deployment);

		assertThat(instance).isWaitingAt("Timer_AttemptDue");
		assertThat(target(deployment).state()).isEqualTo(TargetState.RESCHEDULED);
		assertThat(target(deployment).rescheduleReason()).isEqualTo(RescheduleReason.OUTSIDE_WINDOW);
		assertThat(this.tasks.fetch(WORKER, 10)).isEmpty();

		clockAt("2026-12-01T08:00");
		execute(job(instance));
		PhaseTask task = takeOne(WORKER);
		assertThat(task.work().deadline()).as("the window's end, 09:00 in Paris")
			.isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));

		clockAt("2026-12-01T09:00");
		this.tasks.complete(task, PhaseResult.of(PhaseOutcome.CUT, null));
		assertThat(instance).isWaitingAt("Timer_AttemptDue");
		assertThat(job(instance).getDuedate().toInstant()).as("08:00 in Paris the next day")
			.isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
	}

	@ParameterizedTest
	@MethodSource("retriedPhases")
	void shouldFailWhenTheEndDateComesFirst(DeploymentPhase phase) {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(options("22-23", Instant.parse("2026-12-01T12:00:00Z")));
		ProcessInstance instance = start(phase, deployment);

		assertThat(instance).hasPassed("EndEvent_EndDatePassed").isEnded();
		assertThat(target(deployment).state()).isEqualTo(TargetState.FAILED);
		assertThat(target(deployment).detail()).contains("end date passed");
	}

	/**
	 * A worker takes the task and dies (its node was killed): nothing happens until its
	 * lock expires, then another worker takes the same attempt over and finishes it; the
	 * dead worker's late result is refused. One DONE, and the log shows both.
	 */
	@Test
	void shouldLetAnotherWorkerFinishTheWorkOfOneThatDied() {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		ProcessInstance instance = start(DeploymentPhase.TRANSFER, deployment);

		PhaseTask held = takeOne("worker-that-dies");
		moveClock(this.tasks.lockDuration().minusSeconds(1));
		assertThat(this.tasks.fetch("worker-that-lives", 10)).as("still locked").isEmpty();

		moveClock(Duration.ofSeconds(2));
		PhaseTask takenOver = takeOne("worker-that-lives");
		assertThat(takenOver.taskId()).isEqualTo(held.taskId());
		assertThat(takenOver.work().attempt()).as("the same attempt, not a new one").isEqualTo(1);
		assertThat(this.tasks.complete(held, PhaseResult.of(PhaseOutcome.FAILED, "late")))
			.as("the dead worker's lock is gone")
			.isFalse();
		assertThat(this.tasks.complete(takenOver, PhaseResult.done())).isTrue();

		assertThat(instance).hasPassed("EndEvent_PhaseDone").isEnded();
		assertThat(target(deployment).phases()).containsEntry(DeploymentPhase.TRANSFER, PhaseStatus.DONE);
		assertThat(log(deployment)).containsExactly("transfer attempt 1 started",
				"transfer attempt 1 repeated by node worker-that-lives: node worker-that-dies, which ran it, stopped"
						+ " before finishing (its lock ran out)",
				"transfer attempt 1: DONE");
	}

	/**
	 * A node that restarts gives back at once what it held when it stopped, rather than
	 * when the locks expire: the machine's slot is free, its log says why it runs again.
	 */
	@Test
	void shouldGiveBackAtOnceWhatARestartedWorkerHeld() {
		clockAt("2026-12-01T10:00");
		Deployment deployment = deployment(DeploymentOptions.defaults());
		start(DeploymentPhase.EXECUTE, deployment);
		PhaseTask held = takeOne("node-a");

		assertThat(this.tasks.releaseHeldBy("node-a")).isEqualTo(1);

		PhaseTask again = takeOne("node-a");
		assertThat(again.taskId()).isEqualTo(held.taskId());
		assertThat(log(deployment)).contains("Parc stopped while the execute phase ran: it runs again");
		assertThat(this.tasks.complete(again, PhaseResult.done())).isTrue();
	}

}
