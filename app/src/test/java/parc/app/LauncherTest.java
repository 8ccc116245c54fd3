package parc.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher ({@code app/parc}) as the documentation types it, run against a stand-in
 * {@code java} that prints what it was given: the memory settings come first, the
 * administrator's {@code PARC_JAVA_OPTS} after them (so they win), then the jar and
 * Parc's own options.
 */
class LauncherTest {

	@Test
	void shouldStartTheJarWithTheMeasuredSettingsAndLetTheAdministratorsOptionsWin(@TempDir Path home)
			throws Exception {
		Path jar = Files.writeString(home.resolve("parc.jar"), "not a real jar");
		String printed = run(home, jar, "PARC_JAVA_OPTS=\"-Xmx2g\" ./parc --server.port=18081");

		assertThat(printed.lines().toList()).containsExactly("MALLOC_ARENA_MAX=2", "-Xms64m", "-Xmx512m", "-Xss512k",
				"-XX:ReservedCodeCacheSize=96m", "-XX:MaxMetaspaceSize=256m", "-Xmx2g", "-jar", jar.toString(),
				"--server.port=18081");
	}

	@Test
	void shouldSayHowToBuildWhenTheJarIsMissing(@TempDir Path home) throws Exception {
		String printed = run(home, home.resolve("absent.jar"), "./parc");

		assertThat(printed).contains("build it first: ./mvnw -B -DskipTests package");
	}

	/** Runs a command line in this module's folder, with a stand-in JDK. */
	private static String run(Path home, Path jar, String commandLine) throws IOException, InterruptedException {
		Path java = Files.createDirectories(home.resolve("jdk/bin")).resolve("java");
		Files.writeString(java,
				"#!/bin/sh\necho \"MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX\"\nfor a in \"$@\"; do echo \"$a\"; done\n");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", commandLine)).redirectErrorStream(true);
		builder.environment().put("JAVA_HOME", home.resolve("jdk").toString());
		builder.environment().put("PARC_JAR", jar.toString());
		builder.environment().remove("MALLOC_ARENA_MAX");
		builder.environment().remove("PARC_JAVA_OPTS");
		Process process = builder.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new String(process.getInputStream().readAllBytes());
	}

}
