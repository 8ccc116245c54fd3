package parc.agentlessadapter.ssh;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes SHA-256 digests of files on the target with the target's own tools
 * ({@code sha256sum}, {@code shasum -a 256}, or PowerShell's {@code Get-FileHash}), so a
 * verification proves what landed on the disk there. Files are named by their position in
 * the argument list, never echoed back, so no file name can confuse the parsing.
 */
final class RemoteChecksums {

	/** Paths per command: well within Windows' 32 767-character command line. */
	private static final int BATCH = 100;

	private static final String UNIX_SCRIPT = """
			cd -- "$1" || exit 3
			shift
			i=0
			for f in "$@"; do
			  if [ -f "$f" ]; then
			    if command -v sha256sum >/dev/null 2>&1; then sum=$(sha256sum < "$f"); else sum=$(shasum -a 256 < "$f"); fi
			    printf '%s %s\\n' "${sum%% *}" "$i"
			  fi
			  i=$((i + 1))
			done
			""";

	private static final String WINDOWS_SCRIPT = """
			Set-Location -LiteralPath $args[0]
			for ($i = 1; $i -lt $args.Count; $i++) {
			  if (Test-Path -LiteralPath $args[$i] -PathType Leaf) {
			    $h = (Get-FileHash -Algorithm SHA256 -LiteralPath $args[$i]).Hash.ToLowerInvariant()
			    "$h $($i - 1)"
			  }
			}
			""";

	private final CommandExecution execution;

	private final SshTarget target;

	RemoteChecksums(CommandExecution execution, SshTarget target) {
		this.execution = execution;
		this.target = target;
	}

	/**
	 * @param directory folder on the target
	 * @param files paths relative to it
	 * @return digest by path, for the files that exist
	 */
	Map<String, String> of(String directory, List<String> files) {
		Map<String, String> digests = new HashMap<>();
		for (int from = 0; from < files.size(); from += BATCH) {
			List<String> batch = files.subList(from, Math.min(files.size(), from + BATCH));
			String[] arguments = new String[batch.size() + 1];
			arguments[0] = directory;
			for (int i = 0; i < batch.size(); i++) {
				arguments[i + 1] = (this.target.system() == RemoteSystem.WINDOWS) ? batch.get(i).replace('/', '\\')
						: batch.get(i);
			}
			String script = (this.target.system() == RemoteSystem.WINDOWS) ? WINDOWS_SCRIPT : UNIX_SCRIPT;
			CommandResult result = this.execution.run(RemoteCommand.of(script, arguments), OutputListener.NONE);
			if (result.exitCode() == null || result.exitCode() != 0) {
				throw new SshException(this.target, SshStep.TRANSFER,
						"cannot compute checksums in " + directory + " on the target: " + describe(result));
			}
			for (String line : result.stdout().split("\n")) {
				String[] parts = line.trim().split(" ");
				if (parts.length == 2 && parts[0].matches("[0-9a-f]{64}") && parts[1].matches("\\d+")) {
					int index = Integer.parseInt(parts[1]);
					if (index < batch.size()) {
						digests.put(batch.get(index), parts[0]);
					}
				}
			}
		}
		return digests;
	}

	static String describe(CommandResult result) {
		String stderr = result.stderr();
		String exit = result.timedOut() ? "timed out" : "exit status " + result.exitCode();
		return stderr.isBlank() ? exit
				: exit + ", " + stderr.lines().limit(3).reduce((a, b) -> a + " / " + b).orElse("");
	}

}
