package parc.agentlessadapter.ssh;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLinesTest {

	@Test
	void shouldQuoteEveryUnixWordSoNothingIsInterpreted() {
		String line = CommandLines.render(RemoteSystem.UNIX,
				RemoteCommand.of("echo \"$1\"", "it's; rm -rf /").inDirectory(".parc/work/job 1"));
		assertThat(line).isEqualTo("cd -- '.parc/work/job 1' && exec sh -c 'echo \"$1\"' parc 'it'\\''s; rm -rf /'");
	}

	@Test
	void shouldSendWindowsProgramsEncodedWithArgumentsAsVerbatimStrings() {
		String line = CommandLines.render(RemoteSystem.WINDOWS,
				RemoteCommand.of("Write-Output $args[0]", "O'Brien; Remove-Item C:\\", "\u2019x")
					.inDirectory("C:\\Temp"));
		assertThat(line)
			.startsWith("powershell.exe -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ");
		String program = new String(Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1)),
				StandardCharsets.UTF_16LE);
		assertThat(program).contains("Set-Location -LiteralPath 'C:\\Temp'")
			.contains("& {\nWrite-Output $args[0]\n} 'O''Brien; Remove-Item C:\\' '\u2019\u2019x'");
	}

	@Test
	void shouldRefuseANulByteRatherThanTruncate() {
		assertThatThrownBy(() -> RemoteCommand.of("echo", "a\0b")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("NUL");
	}

}
