package parc.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Debian {@code fusioninventory-agent} 2.6, run once in the foreground against a
 * Parc on loopback, inventory task only, with its full exchange ({@code --debug --debug})
 * in a log file. The agent keeps its state (its DEVICEID above all) in a folder fixed
 * when it was built, {@code /var/lib/fusioninventory-agent}; each instance here runs the
 * same program with its own folder, given through a {@code setup} module loaded before
 * the agent's, so that runs neither share a DEVICEID nor touch a system agent's.
 */
final class RealFusionInventoryAgent {

	private static final File AGENT = new File("/usr/bin/fusioninventory-agent");

	/**
	 * Loads the setup module written next to the state, then runs the agent's own script,
	 * whose {@code use setup} then finds the module already loaded.
	 */
	private static final String LAUNCHER = "require $ENV{PARC_FUSION_SETUP}; $INC{'setup.pm'} = $ENV{PARC_FUSION_SETUP};"
			+ " do '/usr/bin/fusioninventory-agent'; die $@ if $@;";

	private final String serverUrl;

	private final Path stateDir;

	RealFusionInventoryAgent(int port, Path stateDir) {
		if (!AGENT.canExecute()) {
			throw new IllegalStateException(
					"The FusionInventory agent is missing: run scripts/install-test-packages.sh "
							+ "(apt-get install fusioninventory-agent) and try again");
		}
		this.serverUrl = "http://127.0.0.1:" + port + "/ocsinventory";
		this.stateDir = stateDir;
	}

	/** What one run did. */
	record Run(int exitCode, String log) {

		/**
		 * The agent exits 0 even when the server refused it: what it logged as an error
		 * says whether the run worked.
		 */
		List<String> errors() {
			return this.log.lines().filter((line) -> line.contains("[error]")).toList();
		}

		/** The last INVENTORY request the agent sent, as it logged it. */
		String inventorySent() {
			int end = this.log.lastIndexOf("<QUERY>INVENTORY</QUERY>");
			if (end < 0) {
				throw new IllegalStateException("The agent sent no inventory:\n" + this.log);
			}
			return this.log.substring(this.log.lastIndexOf("<REQUEST>", end), end);
		}

		int rowsSent(String section) {
			Matcher rows = Pattern.compile("<" + section + ">").matcher(inventorySent());
			int count = 0;
			while (rows.find()) {
				count++;
			}
			return count;
		}

		String deviceIdSent() {
			Matcher deviceId = Pattern.compile("<DEVICEID>([^<]+)</DEVICEID>").matcher(this.log);
			if (!deviceId.find()) {
				throw new IllegalStateException("The agent sent no DEVICEID:\n" + this.log);
			}
			return deviceId.group(1);
		}

	}

	/** The inventory task, as the inventory guide runs it. */
	Run run(String... extraOptions) {
		List<String> arguments = new ArrayList<>(List.of("--server=" + this.serverUrl, "--tasks=inventory"));
		arguments.addAll(List.of(extraOptions));
		return runWith(arguments);
	}

	/**
	 * A command line a user is told to type, {@code fusioninventory-agent ...} with
	 * {@code http://parc-host:8080} for Parc's address, run as written but for that
	 * address.
	 */
	Run runAsDocumented(String commandLine) {
		List<String> words = List
			.of(commandLine.trim().replace("http://parc-host:8080/ocsinventory", this.serverUrl).split("\\s+"));
		if (!words.get(0).equals("fusioninventory-agent")) {
			throw new IllegalArgumentException("Not a fusioninventory-agent command: " + commandLine);
		}
		return runWith(words.subList(1, words.size()));
	}

	/**
	 * Runs the agent with these arguments, plus what a test needs: no configuration file
	 * ({@code /etc/fusioninventory/agent.cfg} is the machine's), no embedded web server,
	 * and the full exchange in a log file.
	 */
	private Run runWith(List<String> arguments) {
		try {
			Path vardir = Files.createDirectories(this.stateDir.resolve("var"));
			Path setup = this.stateDir.resolve("setup.pm");
			Files.writeString(setup, """
					package setup;
					use strict;
					use warnings;
					use parent qw(Exporter);
					our @EXPORT = ('%%setup');
					our %%setup = (
					    datadir => '/usr/share/fusioninventory',
					    libdir  => '/usr/share/fusioninventory/lib',
					    vardir  => '%s',
					);
					1;
					""".formatted(vardir));
			Path log = Files.createTempFile(this.stateDir, "fusion-", ".log");
			List<String> command = new ArrayList<>(List.of("perl", "-e", LAUNCHER, "--"));
			command.addAll(arguments);
			command.addAll(List.of("--config=none", "--no-httpd", "--debug", "--debug", "--logfile=" + log));
			ProcessBuilder builder = new ProcessBuilder(command);
			builder.environment().put("PARC_FUSION_SETUP", setup.toString());
			AgentProcess.Finished finished = AgentProcess.run(builder, this.stateDir.resolve("fusion-stdout.txt"), log,
					"FusionInventory agent");
			return new Run(finished.exitCode(), finished.log());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
