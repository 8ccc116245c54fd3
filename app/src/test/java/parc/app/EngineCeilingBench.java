package parc.app;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentRequest;
import parc.orchestrator.deployment.DeploymentRuns;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.routes.deployment.PhaseWorkRunner;
import parc.orchestrator.deployment.WakeOnLanMode;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.IncomingFile;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orchestration's ceiling, run on demand ({@code bench/engine-ceiling.sh}), never in
 * the suite: one deployment (transfer, execute, delete) to {@code bench.targets} (10,000)
 * machines whose work a test worker reports done at once, no SSH, so that only Parc's own
 * cost is left: engine, PostgreSQL, bookkeeping. In the same run, the floor: a flat
 * process of three external tasks and nothing else, as many instances, started and
 * completed by a worker fetching in batches. Reports targets/s of both, engine jobs and
 * SQL statements per target ({@code pg_stat_statements}), CPU per target (JVM and
 * PostgreSQL) and the heap with every machine waiting, to
 * {@code target/bench/engine-ceiling.txt}, whose last line is
 * {@code targets_per_second=X floor_targets_per_second=F cpu_ms_per_target=Y heap_mib=Z all_done=true|false}.
 */
@PostgresBackedTest(properties = { "spring.quartz.auto-startup=false",
		"parc.db.embedded-settings.shared_preload_libraries=pg_stat_statements",
		"parc.db.embedded-settings.pg_stat_statements.max=10000", "logging.level.root=warn" })
class EngineCeilingBench {

	private static final int TARGETS = Integer.getInteger("bench.targets", 10_000);

	private static final int CAP = Integer.getInteger("bench.concurrency", 500);

	private static final Duration LIMIT = Duration.ofMinutes(Integer.getInteger("bench.limitMinutes", 60));

	private static final List<String> report = new ArrayList<>();

	@Autowired
	MachineService machines;

	@Autowired
	CredentialService credentials;

	@Autowired
	PackageService packages;

	@Autowired
	DeploymentRuns runs;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ExternalTaskService externalTasks;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ParcProperties parc;

	@Autowired
	InstantWork work;

	@Test
	void shouldReportParcAgainstTheFloor() throws Exception {
		java.util.concurrent.atomic.AtomicInteger uncaught = new java.util.concurrent.atomic.AtomicInteger();
		Thread.setDefaultUncaughtExceptionHandler((thread, ex) -> {
			uncaught.incrementAndGet();
			System.err.println("Uncaught on " + thread.getName() + ": " + ex);
		});
		this.jdbc.sql("create extension if not exists pg_stat_statements").update();
		line("engine ceiling: %d targets, concurrency %d, %d cores, %s", TARGETS, CAP,
				Runtime.getRuntime().availableProcessors(), java.time.Instant.now());
		List<Long> machineIds = registerMachines(TARGETS);
		long packageId = this.packages
			.createFromFiles(
					new PackageDraft("bench-" + UUID.randomUUID().toString().substring(0, 8), "1.0", null,
							"./install.sh", OsFamily.LINUX, false, null),
					List.of(new IncomingFile("install.sh", () -> new ByteArrayInputStream("exit 0".getBytes()))),
					"bench")
			.id();
		DeploymentOptions options = DeploymentOptions.builder()
			.wol(WakeOnLanMode.NEVER)
			.runScript(true)
			.deleteFiles(true)
			.inventoryAfter(false)
			.shutdownAfter(false)
			.attempts(3)
			.attemptDelayMinutes(1)
			.concurrency(CAP)
			.build();

		Measure floor = floor(TARGETS);
		line("floor: %s", floor);
		this.jdbc.sql("select pg_stat_statements_reset()").query().singleValue();
		Measure parcRun = parc(packageId, machineIds, options);
		line("parc: %s", parcRun);
		heaviestStatements(machineIds.size());
		long heapMiB = heapWithEveryMachineWaiting(packageId, machineIds, options);
		line("parc heap with %d machines waiting: %d MiB (floor: %d MiB)", TARGETS, heapMiB, floor.heapMiB());
		line("errors thrown out of Parc's threads during the run: %d", uncaught.get());
		line("ratio to the floor: %.2fx targets/s, %.1fx CPU per target", parcRun.perSecond() / floor.perSecond(),
				parcRun.cpuMsPerTarget() / floor.cpuMsPerTarget());
		line("targets_per_second=%.1f floor_targets_per_second=%.1f cpu_ms_per_target=%.1f heap_mib=%d all_done=%s",
				parcRun.perSecond(), floor.perSecond(), parcRun.cpuMsPerTarget(), heapMiB,
				parcRun.allDone() && floor.allDone());
		assertThat(parcRun.allDone()).as("every machine DONE").isTrue();
	}

	private Measure parc(long packageId, List<Long> machineIds, DeploymentOptions options) {
		Counters before = counters();
		long start = System.nanoTime();
		Deployment deployment = this.runs.launch(new DeploymentRequest(packageId, machineIds, options), "bench");
		// Progress every 30 s, so that a run cut short still tells its pace.
		java.util.concurrent.ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
		progress.scheduleAtFixedRate(
				() -> line("  %.0f s: %d DONE", (System.nanoTime() - start) / 1e9, countDone(deployment.id())), 30, 30,
				TimeUnit.SECONDS);
		boolean allDone = waitUntil(() -> countDone(deployment.id()) == machineIds.size());
		progress.shutdownNow();
		double seconds = (System.nanoTime() - start) / 1e9;
		Counters after = counters();
		return Measure.of(machineIds.size(), seconds, before, after, -1, allDone);
	}

	/**
	 * A second deployment to the same machines whose work is never reported: once every
	 * machine waits (for its work or for a place under the cap) and no job is due, the
	 * heap after a full collection.
	 */
	private long heapWithEveryMachineWaiting(long packageId, List<Long> machineIds, DeploymentOptions options) {
		this.work.hold(true);
		Deployment deployment = this.runs.launch(new DeploymentRequest(packageId, machineIds, options), "bench");
		waitUntil(() -> this.work.held() >= Math.min(CAP, machineIds.size())
				&& this.management.createJobQuery().executable().count() == 0);
		// Left running, not stopped: stopping 10,000 machines deletes their process tree
		// in
		// one engine command whose flush sorts the deletions in quadratic time (more than
		// ten minutes), which is not what this measures.
		return heapAfterCollection();
	}

	/**
	 * The floor: the same number of instances of a process made of three external tasks,
	 * started from four threads and completed by four workers fetching 100 at a time.
	 */
	private Measure floor(int targets) throws Exception {
		this.repository.createDeployment()
			.addModelInstance("bench-floor.bpmn",
					Bpmn.createExecutableProcess("bench-floor")
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.serviceTask("transfer")
						.camundaExternalTask("bench-transfer")
						.serviceTask("execute")
						.camundaExternalTask("bench-execute")
						.serviceTask("delete")
						.camundaExternalTask("bench-delete")
						.endEvent()
						.done())
			.deploy();
		Counters before = counters();
		long start = System.nanoTime();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		for (int t = 0; t < 4; t++) {
			int first = t;
			threads.submit(() -> {
				for (int i = first; i < targets; i += 4) {
					this.runtime.startProcessInstanceByKey("bench-floor", "floor-" + i);
				}
			});
		}
		for (int t = 0; t < 4; t++) {
			String worker = "floor-worker-" + t;
			threads.submit(() -> {
				while (running.get()) {
					List<LockedExternalTask> tasks = this.externalTasks.fetchAndLock(100, worker)
						.topic("bench-transfer", 60_000)
						.topic("bench-execute", 60_000)
						.topic("bench-delete", 60_000)
						.execute();
					tasks.forEach((task) -> this.externalTasks.complete(task.getId(), worker));
					if (tasks.isEmpty()) {
						Thread.sleep(20);
					}
				}
				return null;
			});
		}
		boolean allDone = waitUntil(() -> count(
				"select count(*) from act_hi_procinst where proc_def_key_ = ? " + "and end_time_ is not null",
				"bench-floor") == targets);
		running.set(false);
		double seconds = (System.nanoTime() - start) / 1e9;
		Counters after = counters();
		threads.shutdown();
		threads.awaitTermination(1, TimeUnit.MINUTES);
		long heap = floorHeapWaiting(targets);
		return Measure.of(targets, seconds, before, after, heap, allDone);
	}

	/** The floor's instances all started and waiting at their first task. */
	private long floorHeapWaiting(int targets) {
		IntStream.range(0, targets)
			.parallel()
			.forEach((i) -> this.runtime.startProcessInstanceByKey("bench-floor", "floor-waiting-" + i));
		long heap = heapAfterCollection();
		this.runtime.createProcessInstanceQuery()
			.processDefinitionKey("bench-floor")
			.list()
			.forEach((instance) -> this.runtime.deleteProcessInstance(instance.getId(), "bench over", true, true));
		return heap;
	}

	private List<Long> registerMachines(int count) {
		long credential = this.credentials
			.create(new CredentialDraft("bench-" + UUID.randomUUID().toString().substring(0, 8),
					CredentialType.PASSWORD, "root", null, null, "unused"))
			.id();
		String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 6) + "-";
		return IntStream.range(0, count)
			.parallel()
			.mapToObj((i) -> this.machines
				.register(new MachineDraft(prefix + i, "192.0.2." + (1 + i % 250), List.of(), OsFamily.LINUX,
						Channel.AGENTLESS_SSH, 22, null, credential, List.of(), null, null))
				.id())
			.toList();
	}

	/**
	 * Where Parc's PostgreSQL time went: the statements that took the most, with their
	 * calls per target, so that a slow run names its cause.
	 */
	private void heaviestStatements(int targets) {
		line("heaviest statements of Parc's run (calls per target, total ms, mean ms):");
		this.jdbc
			.sql("select calls, total_exec_time, mean_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) "
					+ "as query from pg_stat_statements order by total_exec_time desc limit 15")
			.query((rs, row) -> String.format(Locale.ROOT, "  %7.2f %9.0f %7.2f  %s", rs.getLong(1) / (double) targets,
					rs.getDouble(2), rs.getDouble(3), rs.getString(4)))
			.list()
			.forEach(EngineCeilingBench::line);
	}

	private Counters counters() {
		this.management.reportDbMetricsNow();
		long jobs = this.management.createMetricsQuery().name(Metrics.JOB_SUCCESSFUL).sum();
		long failedJobs = this.management.createMetricsQuery().name(Metrics.JOB_FAILED).sum();
		long statements = this.jdbc.sql("select coalesce(sum(calls), 0) from pg_stat_statements")
			.query(Long.class)
			.single();
		double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
		return new Counters(jobs, failedJobs, statements, jvm, postgresCpuSeconds());
	}

	/**
	 * The embedded PostgreSQL and its backends: {@code pg_ctl} detaches it from the JVM,
	 * so it is found by its data folder.
	 */
	private double postgresCpuSeconds() {
		String cluster = this.parc.dataDir().resolve("postgres").toAbsolutePath().toString();
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().map((line) -> line.contains(cluster)).orElse(false))
			.filter((process) -> process.info().command().map((command) -> command.endsWith("postgres")).orElse(false))
			.mapToDouble((process) -> ProcStat.treeCpuSeconds(process.pid()))
			.sum();
	}

	private static long heapAfterCollection() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
	}

	private long countDone(long deploymentId) {
		return count("select count(*) from deployment_target where deployment_id = ? and state = 'DONE'", deploymentId);
	}

	private long count(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(Long.class).single();
	}

	private static boolean waitUntil(java.util.concurrent.Callable<Boolean> condition) {
		try {
			// Errors on Parc's own threads are counted, not turned into the bench's
			// failure.
			await().dontCatchUncaughtExceptions().atMost(LIMIT).pollInterval(Duration.ofMillis(250)).until(condition);
			return true;
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			return false;
		}
	}

	/** Printed and written at once, so that a run cut short keeps what it measured. */
	private static synchronized void line(String format, Object... args) {
		String text = String.format(Locale.ROOT, format, args);
		System.out.println(text);
		report.add(text);
		try {
			writeReport();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static void writeReport() throws java.io.IOException {
		Path file = Path.of("target", "bench", "engine-ceiling.txt");
		Files.createDirectories(file.getParent());
		Files.write(file, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING);
	}

	record Counters(long jobs, long failedJobs, long statements, double jvmCpu, double postgresCpu) {
	}

	record Measure(int targets, double seconds, double jobsPerTarget, double failedJobsPerTarget,
			double statementsPerTarget, double jvmMsPerTarget, double postgresMsPerTarget, long heapMiB,
			boolean allDone) {

		static Measure of(int targets, double seconds, Counters before, Counters after, long heapMiB, boolean allDone) {
			return new Measure(targets, seconds, (after.jobs() - before.jobs()) / (double) targets,
					(after.failedJobs() - before.failedJobs()) / (double) targets,
					(after.statements() - before.statements()) / (double) targets,
					(after.jvmCpu() - before.jvmCpu()) * 1000 / targets,
					(after.postgresCpu() - before.postgresCpu()) * 1000 / targets, heapMiB, allDone);
		}

		double perSecond() {
			return this.targets / this.seconds;
		}

		double cpuMsPerTarget() {
			return this.jvmMsPerTarget + this.postgresMsPerTarget;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%d targets in %.1f s, %.1f targets/s, %.1f engine jobs (%.2f failed and run again) and %.0f SQL "
							+ "statements per target, "
							+ "CPU per target %.1f ms (JVM %.1f + PostgreSQL %.1f), all done: %s",
					this.targets, this.seconds, perSecond(), this.jobsPerTarget, this.failedJobsPerTarget,
					this.statementsPerTarget, cpuMsPerTarget(), this.jvmMsPerTarget, this.postgresMsPerTarget,
					this.allDone);
		}

	}

	/**
	 * The test-only work: each phase task Parc's workers take is done at once, or held
	 * without a result while {@link #hold} is on.
	 */
	static class InstantWork implements PhaseWorkRunner {

		private final AtomicBoolean holding = new AtomicBoolean();

		private final AtomicInteger held = new AtomicInteger();

		@Override
		public PhaseResult run(PhaseTask task) {
			if (this.holding.get()) {
				this.held.incrementAndGet();
				return null;
			}
			return PhaseResult.done();
		}

		void hold(boolean on) {
			this.holding.set(on);
			if (!on) {
				this.held.set(0);
			}
		}

		int held() {
			return this.held.get();
		}

	}

	@TestConfiguration
	static class Worker {

		@Bean
		@Primary
		InstantWork instantWork() {
			return new InstantWork();
		}

	}

}
