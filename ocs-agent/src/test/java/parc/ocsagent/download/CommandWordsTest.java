package parc.ocsagent.download;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CommandWordsTest {

	@TempDir
	Path temp;

	@Test
	void shouldPassEveryArgumentAsOneWordToTheShell() throws Exception {
		List<String> hostile = List.of("two words", "it's \"quoted\"", "$(touch pwned) `id` ; rm -rf x", "*", "");
		String line = CommandWords.posix("printf '%s\\n'", hostile);

		Process shell = new ProcessBuilder("/bin/sh", "-c", line).directory(this.temp.toFile()).start();
		String printed = new String(shell.getInputStream().readAllBytes());
		shell.waitFor(10, TimeUnit.SECONDS);

		assertThat(printed).isEqualTo(String.join("\n", hostile) + "\n");
		assertThat(Files.exists(this.temp.resolve("pwned"))).isFalse();
	}

	@Test
	void shouldQuoteForWindowsCommandLines() {
		assertThat(CommandWords.windows("setup.exe /S", List.of("C:\\Program Files", "say \"hi\"", "100%")))
			.isEqualTo("setup.exe /S \"C:\\Program Files\" \"say \"\"hi\"\"\" \"100^%\"");
	}

}
