package parc.ocsagent.download;

import java.util.List;

/**
 * Appends arguments to an agent's command line, each one word whatever it holds: the Unix
 * agent runs {@code COMMAND} with /bin/sh, the Windows agent with cmd.exe.
 */
public final class CommandWords {

	private CommandWords() {
	}

	/** {@code command 'arg 1' 'it'\''s'}: POSIX single quotes, nothing expands inside. */
	public static String posix(String command, List<String> arguments) {
		StringBuilder line = new StringBuilder(command.strip());
		for (String argument : arguments) {
			line.append(" '").append(argument.replace("'", "'\\''")).append('\'');
		}
		return line.toString();
	}

	/**
	 * {@code command "arg 1" "say ""hi"""}: double quotes, inner quotes doubled, as the
	 * Windows C runtime splits a command line; cmd.exe's {@code %} and {@code !} are
	 * escaped with a caret.
	 */
	public static String windows(String command, List<String> arguments) {
		StringBuilder line = new StringBuilder(command.strip());
		for (String argument : arguments) {
			String escaped = argument.replace("\"", "\"\"").replace("%", "^%").replace("!", "^!");
			line.append(" \"").append(escaped).append('"');
		}
		return line.toString();
	}

}
