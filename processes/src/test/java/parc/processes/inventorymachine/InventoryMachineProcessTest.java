package parc.processes.inventorymachine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.agentless.AgentlessGateway;
import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.CommandLine;
import parc.orchestrator.agentless.CommandOutcome;
import parc.orchestrator.agentless.ProbeOutcome;
import parc.orchestrator.agentless.PulledFileOutcome;
import parc.orchestrator.agentless.RemoteAccessException;
import parc.orchestrator.agentless.RemoteCommandRequest;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.inventory.InventoryDocument;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.periodicinventory.InventoryMachineProcess;
import parc.orchestrator.periodicinventory.PeriodicInventoryService;
import parc.orchestrator.schedule.Schedule;
import parc.orchestrator.schedule.ScheduleDraft;
import parc.orchestrator.schedule.ScheduleKind;
import parc.orchestrator.schedule.ScheduleRun;
import parc.orchestrator.schedule.ScheduleService;
import parc.orchestrator.schedule.ScheduleTarget;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.processes.ProcessCoverageConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code inventory-machine} on the real engine and PostgreSQL, jobs executed by hand and
 * the engine's clock moved for the retry delay. The SSH side is a stand-in that answers
 * for the machines the test names (the real sshd runs in the application's
 * {@code PeriodicInventoryIT}).
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false" })
@Import({ ProcessCoverageConfiguration.class, InventoryMachineProcessTest.AnsweringMachines.class })
class InventoryMachineProcessTest {

	/** The machines whose SSH answers; the others refuse the connection. */
	static final Set<Long> answering = ConcurrentHashMap.newKeySet();

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	PeriodicInventoryService inventories;

	@Autowired
	ScheduleService schedules;

	@Autowired
	MachineService machines;

	@Autowired
	CredentialService credentials;

	@Autowired
	AgentlessService agentless;

	@Autowired
	JdbcClient jdbc;

	private long credential;

	@BeforeEach
	void useThisEngine() {
		BpmnAwareTests.init(this.engine);
		this.credential = this.credentials
			.create(new CredentialDraft(unique("pw"), CredentialType.PASSWORD, "root", null, null, "pw"))
			.id();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		BpmnAwareTests.reset();
	}

	@Test
	void shouldInventoryEachMachineWithinTheConcurrencyRetryTheOneThatFailsAndEndTheRunWithTheLast() {
		long first = machine(true);
		long failing = machine(false);
		long third = machine(true);
		long run = startRun();

		assertThat(this.inventories.plan(run, List.of(first, failing, third)))
			.isEqualTo(new PeriodicInventoryService.Planned(3, 0));
		assertThat(this.inventories.startWaiting(run, 2, "schedule test")).isEqualTo(2);

		assertThat(machineStates(run)).containsEntry(first, "RUNNING")
			.containsEntry(failing, "RUNNING")
			.containsEntry(third, "PENDING");
		assertThat(instancesOf(run)).as("no more processes than the concurrency").isEqualTo(2);

		executeDueJobs();

		// The first counted, the third took its place and was counted; the failing one
		// waits
		// out its retry delay.
		assertThat(machineStates(run)).containsEntry(first, "DONE")
			.containsEntry(failing, "RUNNING")
			.containsEntry(third, "DONE");
		assertThat(this.schedules.run(run).state()).isEqualTo(ScheduleRun.State.RUNNING);
		assertThat(this.schedules.run(run).counts()).isEqualTo(new ScheduleRun.Counts(3, 2, 0));
		assertThat(this.agentless.collections(first, 10)).singleElement()
			.satisfies((collection) -> assertThat(collection.requestedBy()).isEqualTo("schedule test"));

		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(6))));
		executeDueJobs();

		ScheduleRun ended = this.schedules.run(run);
		assertThat(ended.state()).isEqualTo(ScheduleRun.State.DONE);
		assertThat(ended.counts()).isEqualTo(new ScheduleRun.Counts(3, 2, 1));
		assertThat(ended.error()).isEqualTo("1 of 3 machine(s) not inventoried");
		assertThat(this.agentless.collections(failing, 10)).as("two attempts").hasSize(2);
		assertThat(instancesOf(run)).isZero();
	}

	@Test
	void shouldLeaveOutAMachineAlreadyBeingInventoried() {
		long busy = machine(true);
		long free = machine(true);
		long earlier = startRun();
		this.inventories.plan(earlier, List.of(busy));

		long later = startRun();

		assertThat(this.inventories.plan(later, List.of(busy, free)))
			.isEqualTo(new PeriodicInventoryService.Planned(1, 1));
		assertThat(machineStates(later)).containsOnlyKeys(free);
	}

	@Test
	void shouldLeaveOutMachinesThatSshCannotReach() {
		long agent = this.machines
			.register(new MachineDraft(unique("agent"), "192.0.2.72", List.of(), OsFamily.LINUX, Channel.OCS_AGENT,
					null, null, null, List.of(), null, null))
			.id();
		long run = startRun();

		assertThat(this.inventories.plan(run, List.of(agent)).count()).isZero();
	}

	@Test
	void shouldKeepARunTheEngineHoldsRunningAcrossARestart() {
		long machine = machine(true);
		long run = startRun();
		this.inventories.plan(run, List.of(machine));
		this.inventories.startWaiting(run, 1, "schedule test");

		// What Parc does at start-up.
		this.schedules.checkTriggers();

		assertThat(this.schedules.run(run).state()).isEqualTo(ScheduleRun.State.RUNNING);
		executeDueJobs();
		assertThat(this.schedules.run(run).state()).isEqualTo(ScheduleRun.State.DONE);
	}

	@Test
	void shouldCountAMachineWhoseProcessWasCancelledFromCockpitSoTheRunCanEnd() {
		long machine = machine(true);
		long run = startRun();
		this.inventories.plan(run, List.of(machine));
		this.inventories.startWaiting(run, 1, "schedule test");
		String instance = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(InventoryMachineProcess.KEY)
			.variableValueEquals(InventoryMachineProcess.RUN_ID, run)
			.singleResult()
			.getId();
		this.runtime.deleteProcessInstance(instance, "cancelled in Cockpit");

		assertThat(this.inventories.repair(run, "schedule test")).isEqualTo(1);

		ScheduleRun ended = this.schedules.run(run);
		assertThat(ended.state()).isEqualTo(ScheduleRun.State.DONE);
		assertThat(ended.counts()).isEqualTo(new ScheduleRun.Counts(1, 0, 1));
		assertThat(this.inventories.repair(run, "schedule test")).as("nothing left to repair").isZero();
	}

	private long startRun() {
		Schedule schedule = this.schedules
			.create(new ScheduleDraft(unique("inventory"), ScheduleKind.AGENTLESS_INVENTORY,
					ScheduleTarget.everything(), "0 0 3 1 1 ? 2099", null, null, null, false), "alice");
		return this.schedules.startRun(schedule.id(), "alice").id();
	}

	private long machine(boolean answers) {
		long id = this.machines
			.register(new MachineDraft(unique("srv"), "192.0.2.71", List.of(), OsFamily.LINUX, Channel.AGENTLESS_SSH,
					22, null, this.credential, List.of(), null, null))
			.id();
		if (answers) {
			answering.add(id);
		}
		return id;
	}

	private Map<Long, String> machineStates(long run) {
		Map<Long, String> states = new java.util.HashMap<>();
		this.jdbc.sql("select machine_id, state from schedule_run_machine where run_id = ?").param(run).query((rs) -> {
			states.put(rs.getLong(1), rs.getString(2));
		});
		return states;
	}

	private long instancesOf(long run) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(InventoryMachineProcess.KEY)
			.variableValueEquals(InventoryMachineProcess.RUN_ID, run)
			.count();
	}

	/** Runs every job due now, and those they make due now, until none is. */
	private void executeDueJobs() {
		for (int round = 0; round < 50; round++) {
			List<Job> due = this.management.createJobQuery()
				.processDefinitionKey(InventoryMachineProcess.KEY)
				.executable()
				.list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach((job) -> this.management.executeJob(job.getId()));
		}
		throw new AssertionError("jobs still due after 50 rounds");
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	@TestConfiguration
	static class AnsweringMachines {

		@Bean
		AgentlessGateway answeringMachinesGateway() {
			return new AgentlessGateway() {

				@Override
				public InventoryDocument collectInventory(RemoteTarget target) {
					if (!answering.contains(target.machineId())) {
						throw new RemoteAccessException(RemoteAccessException.Step.CONNECT, "Connection refused", null);
					}
					return new InventoryDocument(Map.of("name", "srv-" + target.machineId(), "osname", "Debian"),
							Map.of(), null, null, null, null, null, List.of(Map.of("name", "bash", "version", "5.2")),
							null, null, null, null, null, null, null, null, null);
				}

				@Override
				public ProbeOutcome probe(String host, int sshPort) {
					throw new UnsupportedOperationException();
				}

				@Override
				public CommandOutcome runCommand(RemoteTarget target, RemoteCommandRequest command,
						Consumer<CommandLine> listener) {
					throw new UnsupportedOperationException();
				}

				@Override
				public PulledFileOutcome pullFirstFile(RemoteTarget target, String folder, long maxBytes,
						Path localFile) {
					throw new UnsupportedOperationException();
				}

				@Override
				public void wake(List<String> macAddresses) {
					throw new UnsupportedOperationException();
				}
			};
		}

	}

}
