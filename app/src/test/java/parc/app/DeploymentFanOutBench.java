package parc.app;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #6's benchmark, run on demand ({@code bench/deployment-fanout.sh}), never in the
 * suite: one deployment of a 1 MB package (blob + {@code install.sh} with arguments) to
 * {@code bench.targets} (1,000) agentless targets served by one OpenSSH sshd on loopback,
 * each its own login and working folder, against plain {@code scp} + {@code ssh} under
 * {@code xargs -P 50} with curve25519 on {@code bench.baselineTargets} (100) of the same
 * targets in the same run. Reports time to all done, targets/s, peak SSH sessions, CPU
 * per target on both sides, Parc's RSS and heap and the engine's job throughput, to
 * {@code target/bench/deployment-fanout.txt}; asserts only that every target is verified.
 */
class DeploymentFanOutBench {

	private static final int TARGETS = Integer.getInteger("bench.targets", 1000);

	private static final int BASELINE_TARGETS = Integer.getInteger("bench.baselineTargets", 100);

	private static final int CAP = Integer.getInteger("bench.concurrency", 500);

	/**
	 * Pulse 2's 60 minutes between attempts would make one attempt lost to an overloaded
	 * target the whole run's time; an administrator pushing to a thousand machines at
	 * once shortens it too.
	 */
	private static final int RETRY_MINUTES = Integer.getInteger("bench.retryMinutes", 1);

	/**
	 * MINA SSHD's I/O threads, "sshd-SshClient[...]-nio2-thread-N", as Linux names them.
	 */
	private static final String MINA_THREADS = "sshd-SshClient";

	/**
	 * The Camel consumers that run phase work, "Camel (camel-1) thread #N - seda://...".
	 */
	private static final String WORKER_THREADS = "Camel (";

	private static final String SCRIPT = "#!/bin/sh\nprintf '%s|' \"$@\" > ../marker-$(basename $(pwd))\n"
			+ "sha256sum blob.bin > /dev/null\necho \"installed with $#\"\n";

	private final ObjectMapper json = new ObjectMapper();

	private final List<String> report = new ArrayList<>();

	private ParcHttpClient http;

	private String password;

	@Test
	void shouldDeployToEveryTargetAndReport() throws Exception {
		byte[] blob = new byte[1024 * 1024];
		new Random(6).nextBytes(blob);
		try (BenchTargets targets = BenchTargets.start(TARGETS)) {
			line("targets: %d logins on one OpenSSH sshd (127.0.0.1:%d), package 1 MiB + install.sh with arguments",
					TARGETS, targets.port());
			Baseline baseline = baseline(targets, blob);
			ParcJar parc = new ParcJar(Path.of("target", "bench-data", UUID.randomUUID().toString()).toAbsolutePath());
			try {
				measureParc(parc, targets, blob, baseline);
			}
			finally {
				parc.killAll();
				ProcessHandle.allProcesses()
					.filter((handle) -> usesDataOf(parc, handle))
					.forEach(ProcessHandle::destroy);
			}
		}
		finally {
			Path file = Files.createDirectories(Path.of("target", "bench")).resolve("deployment-fanout.txt");
			Files.write(file, this.report, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
			this.report.forEach(System.out::println);
		}
	}

	/** What plain OpenSSH did on the first targets. */
	record Baseline(int targets, double seconds, double clientCpu, double targetCpu) {

		double perSecond() {
			return this.targets / this.seconds;
		}

	}

	private Baseline baseline(BenchTargets targets, byte[] blob) throws Exception {
		Path pkg = Files.createDirectories(Path.of("/tmp/parc-bench/pkg/baseline"));
		Files.write(pkg.resolve("blob.bin"), blob);
		Files.writeString(pkg.resolve("install.sh"), SCRIPT);
		String ssh = "-o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
				+ " -o KexAlgorithms=curve25519-sha256 -i " + targets.clientKeyFile();
		String perTarget = "scp -q -r " + ssh + " -P " + targets.port() + " " + pkg + " \"$0\"@127.0.0.1: && ssh " + ssh
				+ " -p " + targets.port()
				+ " \"$0\"@127.0.0.1 'cd baseline && sh ./install.sh --bench \"a b\" > /dev/null && cd .. && rm -rf baseline'";
		String script = "seq -f '" + BenchTargets.PREFIX + "%04g' 1 " + BASELINE_TARGETS + " | xargs -P 50 -n 1 sh -c '"
				+ perTarget.replace("'", "'\\''") + "'; status=$?; times; exit $status";
		double targetCpuBefore = targets.cpuSeconds();
		BenchTargets.SshActivity sshBefore = targets.activity();
		long start = System.nanoTime();
		Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		double seconds = (System.nanoTime() - start) / 1e9;
		double targetCpu = targets.cpuSeconds() - targetCpuBefore;
		// times: the shell's user and system line, then its children's.
		String[] children = output.strip().lines().reduce((first, second) -> second).orElseThrow().split("\\s+");
		double clientCpu = minutesSeconds(children[0]) + minutesSeconds(children[1]);
		for (int i = 1; i <= BASELINE_TARGETS; i++) {
			assertThat(targets.home(i).resolve("marker-baseline")).hasContent("--bench|a b|");
			assertThat(targets.home(i).resolve("baseline")).doesNotExist();
		}
		BenchTargets.SshActivity activity = targets.activity().minus(sshBefore);
		Baseline baseline = new Baseline(BASELINE_TARGETS, seconds, clientCpu, targetCpu);
		line("baseline, scp + ssh under xargs -P 50, curve25519-sha256, %d targets: %.1f s, %.2f targets/s,"
				+ " client %.3f CPU-s/target, target side %.3f CPU-s/target, total %.3f CPU-s/target",
				baseline.targets(), seconds, baseline.perSecond(), clientCpu / baseline.targets(),
				targetCpu / baseline.targets(), (clientCpu + targetCpu) / baseline.targets());
		line("baseline on the target side, per target: %.2f logins, %.2f channels",
				activity.logins() / (double) BASELINE_TARGETS, activity.channels() / (double) BASELINE_TARGETS);
		return baseline;
	}

	private void measureParc(ParcJar parc, BenchTargets targets, byte[] blob, Baseline baseline) throws Exception {
		Process process = parc.start("bench-parc.log", jvmOptions(), "--parc.deployment.threads=" + CAP,
				"--spring.quartz.auto-startup=false");
		this.http = parc.http();
		this.password = Files.readString(parc.dataDir().resolve("initial-admin-password")).trim();
		long credential = call("POST", "/api/credentials", this.json.writeValueAsString(Map.of("name", "bench key",
				"type", "SSH_KEY", "username", BenchTargets.user(1), "privateKey", targets.clientKey())), 201)
			.path("id")
			.asLong();
		List<Long> machineIds = new ArrayList<>();
		for (int i = 1; i <= TARGETS; i++) {
			machineIds.add(call("POST", "/api/machines", """
					{"name": "bench-%04d", "address": "127.0.0.1", "osFamily": "LINUX", "channel": "AGENTLESS_SSH",
					 "sshPort": %d, "sshUser": "%s", "credentialId": %d}
					""".formatted(i, targets.port(), BenchTargets.user(i), credential), 201).path("id").asLong());
		}
		HttpResponse<String> created = this.http.postMultipart("/api/packages", List.of(new ParcHttpClient.Part(
				"metadata", null, "application/json",
				"{\"label\": \"bench\", \"version\": \"1\", \"command\": \"sh ./install.sh\", \"osFamily\": \"LINUX\"}"
					.getBytes(StandardCharsets.UTF_8)),
				new ParcHttpClient.Part("files", "install.sh", "text/x-sh", SCRIPT.getBytes(StandardCharsets.UTF_8)),
				new ParcHttpClient.Part("files", "blob.bin", "application/octet-stream", blob)), "admin",
				this.password);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long pkg = this.json.readTree(created.body()).path("id").asLong();
		long jobsBefore = successfulJobs();

		AtomicInteger peakSessions = new AtomicInteger();
		AtomicLong peakHeapMiB = new AtomicLong();
		AtomicLong peakRssMiB = new AtomicLong();
		double jvmCpuBefore = ProcStat.treeCpuSeconds(process.pid());
		double postgresCpuBefore = postgresCpuSeconds(parc, process);
		double targetCpuBefore = targets.cpuSeconds();
		BenchTargets.SshActivity sshBefore = targets.activity();
		double minaCpuBefore = ProcStat.threadsCpuSeconds(process.pid(), MINA_THREADS);
		double workersCpuBefore = ProcStat.threadsCpuSeconds(process.pid(), WORKER_THREADS);
		Instant start = Instant.now();
		java.util.concurrent.ScheduledExecutorService sampler = sample(targets, process.pid(), peakSessions,
				peakHeapMiB, peakRssMiB);
		long id = call("POST", "/api/deployments",
				this.json.writeValueAsString(
						Map.of("packageId", pkg, "machineIds", machineIds, "options", Map.of("wol", false, "parameters",
								List.of("--bench", "a b"), "concurrency", CAP, "attemptDelayMinutes", RETRY_MINUTES))),
				201)
			.path("id")
			.asLong();
		await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
			JsonNode summary = call("GET", "/api/deployments?finished=true&size=10", null, 200).path("content");
			for (JsonNode row : summary) {
				if (row.path("id").asLong() == id) {
					return true;
				}
			}
			return false;
		});
		double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
		sampler.shutdownNow();
		BenchTargets.SshActivity ssh = targets.activity().minus(sshBefore);
		double minaCpu = ProcStat.threadsCpuSeconds(process.pid(), MINA_THREADS) - minaCpuBefore;
		double workersCpu = ProcStat.threadsCpuSeconds(process.pid(), WORKER_THREADS) - workersCpuBefore;
		double jvmCpu = ProcStat.treeCpuSeconds(process.pid()) - jvmCpuBefore;
		double postgresCpu = postgresCpuSeconds(parc, process) - postgresCpuBefore;
		double parcCpu = jvmCpu + postgresCpu;
		double targetCpu = targets.cpuSeconds() - targetCpuBefore;
		long jobs = successfulJobs() - jobsBefore;

		JsonNode deployment = call("GET", "/api/deployments/" + id, null, 200);
		int done = 0;
		for (JsonNode target : deployment.path("targets")) {
			if ("DONE".equals(target.path("state").asText())) {
				done++;
			}
		}
		int attemptsFailed = 0;
		for (JsonNode target : deployment.path("targets")) {
			for (JsonNode line : call("GET",
					"/api/deployments/" + id + "/targets/" + target.path("machineId").asLong() + "/log", null, 200)) {
				if (line.path("kind").asText().equals("ERROR") && line.path("text").asText().contains(" attempt ")) {
					attemptsFailed++;
				}
			}
		}
		int verified = 0;
		for (int i = 1; i <= TARGETS; i++) {
			Path marker = targets.home(i).resolve(".parc/work/marker-deployment-" + id);
			if (Files.exists(marker) && Files.readString(marker).equals("--bench|a b|")
					&& !Files.exists(targets.home(i).resolve(".parc/work/deployment-" + id))) {
				verified++;
			}
		}
		double perSecond = TARGETS / seconds;
		line("Parc, concurrency %d, %d targets: all done in %.1f s, %.2f targets/s (%.1fx the baseline, %.1fx tuned"
				+ " Ansible's 1.36), %d DONE, %d verified on the target (marker with the arguments, folder deleted)",
				CAP, TARGETS, seconds, perSecond, perSecond / baseline.perSecond(), perSecond / 1.36, done, verified);
		line("Parc CPU (JVM and its PostgreSQL) %.3f s/target, target side %.3f s/target, total %.3f CPU-s/target (%.2fx the baseline's"
				+ " %.3f)", parcCpu / TARGETS, targetCpu / TARGETS, (parcCpu + targetCpu) / TARGETS,
				((parcCpu + targetCpu) / TARGETS)
						/ ((baseline.clientCpu() + baseline.targetCpu()) / baseline.targets()),
				(baseline.clientCpu() + baseline.targetCpu()) / baseline.targets());
		line("of which the JVM %.3f s/target and PostgreSQL %.3f s/target", jvmCpu / TARGETS, postgresCpu / TARGETS);
		line("attempts that failed and were tried again %d min later: %d", RETRY_MINUTES, attemptsFailed);
		line("peak concurrent SSH sessions %d; Parc RSS peak %d MiB (VmHWM %d MiB), heap used peak %d MiB (-Xmx2g);"
				+ " engine %d jobs, %.1f jobs/s", peakSessions.get(), peakRssMiB.get(),
				ProcStat.statusMiB(process.pid(), "VmHWM"), peakHeapMiB.get(), jobs, jobs / seconds);
		line("on the target side, per target: %.2f logins, %.2f channels (commands and SFTP sessions)",
				ssh.logins() / (double) TARGETS, ssh.channels() / (double) TARGETS);
		line("of the JVM's: MINA SSHD's I/O threads %.0f %%, the phase workers (SSH calls, bookkeeping) %.0f %%",
				100 * minaCpu / jvmCpu, 100 * workersCpu / jvmCpu);
		double parcPerTarget = parcCpu / TARGETS;
		double targetRatio = (targetCpu / TARGETS) / (baseline.targetCpu() / baseline.targets());
		double rateRatio = perSecond / baseline.perSecond();
		line("goals: Parc's own CPU %.3f <= 0.12 CPU-s/target (%s), target side %.2fx <= 1.5x the baseline's (%s),"
				+ " %.2fx >= 0.6x the baseline's targets/s (%s)", parcPerTarget,
				parcPerTarget <= 0.12 ? "met" : "NOT met", targetRatio, targetRatio <= 1.5 ? "met" : "NOT met",
				rateRatio, rateRatio >= 0.6 ? "met" : "NOT met");
		line("goal: under 100 s (%s), >= 10 targets/s (%s), CPU per target within 2x of plain OpenSSH (%s)",
				seconds < 100 ? "met" : "NOT met", perSecond >= 10 ? "met" : "NOT met",
				((parcCpu + targetCpu) / TARGETS) <= 2 * (baseline.clientCpu() + baseline.targetCpu())
						/ baseline.targets() ? "met" : "NOT met");
		assertThat(verified).as("targets verified").isEqualTo(TARGETS);
	}

	/**
	 * {@code -Xmx2g}, plus {@code bench.jvmOptions} (space-separated) for a profile, e.g.
	 * {@code -XX:StartFlightRecording=filename=target/bench/parc.jfr}.
	 */
	private static List<String> jvmOptions() {
		List<String> options = new ArrayList<>(List.of("-Xmx2g"));
		String extra = System.getProperty("bench.jvmOptions", "").trim();
		if (!extra.isEmpty()) {
			options.addAll(List.of(extra.split("\\s+")));
		}
		return options;
	}

	/**
	 * Samples sessions and RSS every 100 ms and the heap every 2 s (jcmd is slow) until
	 * the returned scheduler is shut down.
	 */
	private static java.util.concurrent.ScheduledExecutorService sample(BenchTargets targets, long pid,
			AtomicInteger sessions, AtomicLong heap, AtomicLong rss) {
		String jcmd = Path.of(ProcessHandle.current().info().command().orElse("java"))
			.resolveSibling("jcmd")
			.toString();
		java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors.newScheduledThreadPool(2,
				(task) -> {
					Thread thread = new Thread(task, "bench-sampler");
					thread.setDaemon(true);
					return thread;
				});
		sampler.scheduleAtFixedRate(() -> {
			sessions.accumulateAndGet(targets.establishedSessions(), Math::max);
			rss.accumulateAndGet(ProcStat.statusMiB(pid, "VmRSS"), Math::max);
		}, 0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
		sampler.scheduleWithFixedDelay(() -> heap.accumulateAndGet(heapUsedMiB(jcmd, pid), Math::max), 0, 2,
				java.util.concurrent.TimeUnit.SECONDS);
		return sampler;
	}

	private static long heapUsedMiB(String jcmd, long pid) {
		try {
			Process process = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			java.util.regex.Matcher used = java.util.regex.Pattern.compile("used ([0-9]+)K").matcher(output);
			return used.find() ? Long.parseLong(used.group(1)) / 1024 : 0;
		}
		catch (Exception ex) {
			return 0;
		}
	}

	/**
	 * From the engine's metrics: the job log is history level full, which Parc does not
	 * keep.
	 */
	private long successfulJobs() throws Exception {
		return call("GET", "/engine-rest/metrics/job-successful/sum", null, 200).path("result").asLong();
	}

	/**
	 * The embedded PostgreSQL detaches from the JVM (pg_ctl daemonizes it), so it is
	 * found by its data folder, and counted with its backends.
	 */
	private static double postgresCpuSeconds(ParcJar parc, Process jvm) {
		return ProcessHandle.allProcesses()
			.filter((handle) -> handle.pid() != jvm.pid())
			.filter((handle) -> usesDataOf(parc, handle))
			.filter((handle) -> handle.info().command().orElse("").endsWith("postgres"))
			.mapToDouble((handle) -> ProcStat.treeCpuSeconds(handle.pid()))
			.sum();
	}

	/** Parc's JVM or its PostgreSQL: their command lines name Parc's data folder. */
	private static boolean usesDataOf(ParcJar parc, ProcessHandle handle) {
		return handle.info().commandLine().orElse("").contains(parc.dataDir().toString());
	}

	private static double minutesSeconds(String value) {
		String[] parts = value.replace("s", "").split("m");
		return Double.parseDouble(parts[0]) * 60 + Double.parseDouble(parts[1]);
	}

	private void line(String format, Object... arguments) {
		this.report.add(String.format(Locale.ROOT, format, arguments));
	}

	private JsonNode call(String method, String path, String body, int expected) throws Exception {
		HttpResponse<String> response = (body == null) ? this.http.get(path, "admin", this.password)
				: this.http.sendJson(method, path, body, "admin", this.password);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return this.json.readTree(response.body());
	}

}
