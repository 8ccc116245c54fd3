package parc.agentlessadapter.ssh;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Renders a {@link RemoteCommand} as the one string an SSH exec request carries. The
 * server hands that string to the login's shell, so everything variable in it is quoted
 * here: on Unix the script and each argument become single-quoted words, on Windows the
 * whole PowerShell program travels base 64-encoded, where no shell can split it.
 */
final class CommandLines {

	/** The name the script sees as {@code $0}. */
	private static final String SCRIPT_NAME = "parc";

	private CommandLines() {
	}

	static String render(RemoteSystem system, RemoteCommand command) {
		return (system == RemoteSystem.WINDOWS) ? windows(command) : unix(command);
	}

	private static String unix(RemoteCommand command) {
		StringBuilder line = new StringBuilder();
		if (command.workingDirectory() != null) {
			line.append("cd -- ").append(posixQuote(command.workingDirectory())).append(" && ");
		}
		line.append("exec sh -c ").append(posixQuote(command.script())).append(' ').append(SCRIPT_NAME);
		for (String argument : command.arguments()) {
			line.append(' ').append(posixQuote(argument));
		}
		return line.toString();
	}

	private static String windows(RemoteCommand command) {
		StringBuilder program = new StringBuilder();
		program.append("$ErrorActionPreference = 'Stop'; ");
		program.append("[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ");
		if (command.workingDirectory() != null) {
			program.append("Set-Location -LiteralPath ")
				.append(powerShellQuote(command.workingDirectory()))
				.append("; ");
		}
		program.append("& {\n").append(command.script()).append("\n}");
		for (String argument : command.arguments()) {
			program.append(' ').append(powerShellQuote(argument));
		}
		program.append("; if ($LASTEXITCODE) { exit $LASTEXITCODE }");
		String encoded = Base64.getEncoder().encodeToString(program.toString().getBytes(StandardCharsets.UTF_16LE));
		return "powershell.exe -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand " + encoded;
	}

	/**
	 * POSIX single quotes: nothing inside is special; a quote is closed, escaped,
	 * reopened.
	 */
	static String posixQuote(String value) {
		return "'" + value.replace("'", "'\\''") + "'";
	}

	/** PowerShell verbatim string: only the single quote is special, doubled. */
	static String powerShellQuote(String value) {
		StringBuilder quoted = new StringBuilder("'");
		for (char c : value.toCharArray()) {
			quoted.append(c);
			// PowerShell also ends a verbatim string at the typographic single quotes.
			if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
				quoted.append(c);
			}
		}
		return quoted.append('\'').toString();
	}

}
