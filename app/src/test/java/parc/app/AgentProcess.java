package parc.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a real agent program to its end and reads the log it wrote. */
final class AgentProcess {

	private AgentProcess() {
	}

	/**
	 * What one run did.
	 *
	 * @param exitCode the program's exit code
	 * @param log what it wrote to its log file
	 */
	record Finished(int exitCode, String log) {
	}

	/**
	 * @param builder the command, its environment set
	 * @param stdout where its standard output and error go
	 * @param log the log file the command writes
	 * @param name the agent's name, for the failure when it does not end within 180 s
	 */
	static Finished run(ProcessBuilder builder, Path stdout, Path log, String name) {
		try {
			Process process = builder.redirectErrorStream(true).redirectOutput(stdout.toFile()).start();
			if (!process.waitFor(180, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("The " + name + " did not finish within 180 s");
			}
			return new Finished(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
