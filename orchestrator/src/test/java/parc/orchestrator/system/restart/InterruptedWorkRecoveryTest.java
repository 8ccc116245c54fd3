package parc.orchestrator.system.restart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.machine.MachineFixtures;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machineimport.MachineImport;
import parc.orchestrator.machineimport.MachineImportGateway;
import parc.orchestrator.machineimport.MachineImportMode;
import parc.orchestrator.machineimport.MachineImportService;
import parc.orchestrator.machineimport.MachineImportState;
import parc.orchestrator.network.NetworkService;
import parc.orchestrator.testsupport.FreeNetworks;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work a stopped Parc left running, as its records say after a restart (the records are
 * put in that state directly: the process that ran them is what a restart takes away).
 * The context is this test's own, so that what is "left running" is only what it leaves.
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
		"parc.test.context=interrupted-work" })
@Import(InterruptedWorkRecoveryTest.RecordingGateway.class)
class InterruptedWorkRecoveryTest {

	@Autowired
	InterruptedWorkRecovery recovery;

	@Autowired
	MachineImportService imports;

	@Autowired
	MachineService machines;

	@Autowired
	NetworkService networks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordingGateway gateway;

	@Test
	void shouldRunAnInterruptedImportAgainFromItsKeptFileAndFailOneWhoseFileIsGone() throws Exception {
		String prefix = "resumed-" + UUID.randomUUID().toString().substring(0, 8);
		MachineImport kept = submit(prefix + "-a,192.0.2.61\n" + prefix + "-b,192.0.2.62\n");
		MachineImport lost = submit(prefix + "-c,192.0.2.63\n");
		setState(kept.id(), "APPLYING");
		setState(lost.id(), "READING");
		Files.delete(Path.of(this.jdbc.sql("select stored_path from machine_import where id = ?")
			.param(lost.id())
			.query(String.class)
			.single()));
		this.gateway.submitted.clear();

		Map<String, InterruptedWork.Resolved> done = this.recovery.resolveAll();

		assertThat(done).containsEntry("machine imports", new InterruptedWork.Resolved(1, 1));
		assertThat(this.gateway.submitted).containsExactly(kept.id());
		MachineImport again = this.imports.run(kept.id());
		assertThat(again.state()).isEqualTo(MachineImportState.DONE);
		assertThat(again.created()).isEqualTo(2);
		MachineImport failed = this.imports.get(lost.id());
		assertThat(failed.state()).isEqualTo(MachineImportState.FAILED);
		assertThat(failed.failure())
			.matches("interrupted by a restart at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ: nothing was applied");
		assertThat(this.machines.findByName(prefix + "-c")).isEmpty();
		assertThat(this.recovery.resolveAll()).as("nothing left running the second time").isEmpty();
	}

	@Test
	void shouldFailCommandsPullsCollectionsSweepsAndScheduleRunsLeftRunning() {
		long machine = this.machines.register(MachineFixtures.debianWebServer("cut-" + UUID.randomUUID())).id();
		Timestamp earlier = Timestamp.from(Instant.now().minusSeconds(60));
		long run = this.jdbc.sql("""
				insert into quick_action_run (label, unix_script, requested_by, requested_at)
				values ('uptime', 'uptime', 'alice', ?) returning id""").param(earlier).query(Long.class).single();
		this.jdbc.sql("""
				insert into quick_action_result (run_id, machine_id, machine_name, state, started_at)
				values (?, ?, 'web', 'RUNNING', ?)""").params(run, machine, earlier).update();
		long pull = this.jdbc.sql("""
				insert into file_pull (machine_id, machine_name, folder, state, requested_by, requested_at)
				values (?, 'web', '/var/log', 'IN_PROGRESS', 'alice', ?) returning id""")
			.params(machine, earlier)
			.query(Long.class)
			.single();
		long collection = this.jdbc.sql("""
				insert into inventory_collection (machine_id, state, requested_by, requested_at)
				values (?, 'RUNNING', 'alice', ?) returning id""").params(machine, earlier).query(Long.class).single();
		long network = FreeNetworks.declare(this.networks, 28, "cut " + UUID.randomUUID()).id();
		long sweep = this.jdbc.sql("""
				insert into sweep (network_id, state, started_by, started_at, planned)
				values (?, 'RUNNING', 'alice', ?, 14) returning id""")
			.params(network, earlier)
			.query(Long.class)
			.single();

		Map<String, InterruptedWork.Resolved> done = this.recovery.resolveAll();

		assertThat(done).containsEntry("quick action results", InterruptedWork.Resolved.failed(1))
			.containsEntry("file pulls", InterruptedWork.Resolved.failed(1))
			.containsEntry("inventory collections", InterruptedWork.Resolved.failed(1))
			.containsEntry("network sweeps", InterruptedWork.Resolved.failed(1));
		for (String check : List.of("select state || ' ' || error from quick_action_result where run_id = " + run,
				"select state || ' ' || error from file_pull where id = " + pull,
				"select state || ' ' || error from inventory_collection where id = " + collection,
				"select state || ' ' || error from sweep where id = " + sweep)) {
			assertThat(this.jdbc.sql(check).query(String.class).single()).as(check)
				.startsWith("FAILED interrupted by a restart at ");
		}
		assertThat(this.jdbc.sql("select count(*) from file_pull where id = ? and finished_at is not null")
			.param(pull)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void shouldRefuseATableOrStateThatIsNotAPlainName() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new RunningRows("x", this.jdbc, "sweep; drop table machine", List.of("RUNNING"),
					"FAILED", "error", null))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private MachineImport submit(String rows) throws Exception {
		String upload = this.imports
			.keepUpload(new ByteArrayInputStream(("name,address\n" + rows).getBytes(StandardCharsets.UTF_8)));
		return this.imports.submit(upload, "fleet.csv", List.of("name", "address"), MachineImportMode.ALL_OR_NOTHING,
				null, "alice");
	}

	private void setState(long id, String state) {
		this.jdbc.sql("update machine_import set state = ? where id = ?").params(state, id).update();
	}

	/** Records what would be handed to the routes module's queue; a bean by itself. */
	@TestConfiguration
	static class RecordingGateway implements MachineImportGateway {

		final List<Long> submitted = new CopyOnWriteArrayList<>();

		@Override
		public void submit(long importId) {
			this.submitted.add(importId);
		}

	}

}
