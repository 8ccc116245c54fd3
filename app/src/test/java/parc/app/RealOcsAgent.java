package parc.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Debian {@code ocsinventory-agent} 2.10, run as a process against a Parc on
 * loopback (protocol §7.1): always {@code --nolocal} with an explicit {@code --server}, a
 * private {@code --basevardir} so it neither clashes with a system agent nor inherits its
 * DEVICEID, long options only, and {@code --debug} into a log file so tests can read what
 * it sent.
 */
final class RealOcsAgent {

	private static final File AGENT = new File("/usr/bin/ocsinventory-agent");

	private final String serverUrl;

	private final Path stateDir;

	private Path firstOnPath;

	RealOcsAgent(int port, Path stateDir) {
		if (!AGENT.canExecute()) {
			throw new IllegalStateException("The OCS agent is missing: run scripts/install-test-packages.sh "
					+ "(apt-get install ocsinventory-agent) and try again");
		}
		this.serverUrl = "http://127.0.0.1:" + port + "/ocsinventory";
		this.stateDir = stateDir;
	}

	/** What one run did. */
	record Run(int exitCode, String log) {

		/** How many SOFTWARES rows the inventory the agent sent held. */
		int softwareSent() {
			int start = this.log.lastIndexOf("<QUERY>INVENTORY</QUERY>");
			if (start < 0) {
				throw new IllegalStateException("The agent sent no inventory:\n" + this.log);
			}
			int from = this.log.lastIndexOf("<REQUEST>", start);
			Matcher rows = Pattern.compile("<SOFTWARES>").matcher(this.log.substring(from, start));
			int count = 0;
			while (rows.find()) {
				count++;
			}
			return count;
		}

	}

	Run run(String... extraOptions) {
		return runWith(List.of(extraOptions));
	}

	/**
	 * Runs with a folder first on the agent's PATH, whose programs stand in for system
	 * ones (the {@code ipdiscover} binary, which would probe a live network, protocol
	 * §5.2).
	 */
	Run runWithFirstOnPath(Path folder, String... extraOptions) {
		this.firstOnPath = folder;
		try {
			return runWith(List.of(extraOptions));
		}
		finally {
			this.firstOnPath = null;
		}
	}

	/** Runs with HTTP Basic credentials, which the agent wants base64-encoded (§1.6). */
	Run runAuthenticated(String user, String password, String realm) {
		return runWith(List.of("--user=" + base64(user), "--password=" + base64(password), "--realm=" + realm));
	}

	/** The ACCOUNTINFO the server last pushed to the agent ({@code ocsinv.adm}, §1.9). */
	String storedAccountInfo() {
		Path adm = this.stateDir.resolve(this.serverUrl.replace("/", "_")).resolve("ocsinv.adm");
		try {
			return Files.exists(adm) ? Files.readString(adm) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Run runWith(List<String> extraOptions) {
		try {
			Files.createDirectories(this.stateDir);
			Path log = Files.createTempFile(this.stateDir, "agent-", ".log");
			List<String> command = new ArrayList<>(List.of(AGENT.getPath(), "--nolocal", "--server=" + this.serverUrl,
					"--basevardir=" + this.stateDir, "--debug", "--logfile=" + log));
			command.addAll(extraOptions);
			ProcessBuilder builder = new ProcessBuilder(command);
			if (this.firstOnPath != null) {
				builder.environment().put("PATH", this.firstOnPath + ":" + System.getenv("PATH"));
			}
			AgentProcess.Finished finished = AgentProcess.run(builder, this.stateDir.resolve("agent-stdout.txt"), log,
					"OCS agent");
			return new Run(finished.exitCode(), finished.log());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops the download worker a run forked (it outlives the command while a package is
	 * pending, protocol §7.1), found by the pid it logs.
	 */
	void stopDownloadWorkers() {
		if (!Files.isDirectory(this.stateDir)) {
			return;
		}
		try (var logs = Files.list(this.stateDir)) {
			for (Path log : logs.filter((path) -> path.getFileName().toString().endsWith(".log")).toList()) {
				Matcher worker = Pattern.compile("Beginning work\\. I am (\\d+)").matcher(Files.readString(log));
				while (worker.find()) {
					ProcessHandle.of(Long.parseLong(worker.group(1))).ifPresent(ProcessHandle::destroyForcibly);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Everything the runs logged so far, the download workers' lines included. */
	String logs() {
		StringBuilder all = new StringBuilder();
		if (!Files.isDirectory(this.stateDir)) {
			return "";
		}
		try (var logs = Files.list(this.stateDir)) {
			for (Path log : logs.filter((path) -> path.getFileName().toString().endsWith(".log")).sorted().toList()) {
				all.append(Files.readString(log, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return all.toString();
	}

	/**
	 * The machine name the agent reports: {@code uname -n} cut at the first dot (protocol
	 * §2.1).
	 */
	static String hostName() {
		try {
			String name = java.net.InetAddress.getLocalHost().getHostName();
			Path uname = Path.of("/proc/sys/kernel/hostname");
			if (Files.exists(uname)) {
				name = Files.readString(uname).trim();
			}
			int dot = name.indexOf('.');
			return (dot > 0) ? name.substring(0, dot) : name;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
