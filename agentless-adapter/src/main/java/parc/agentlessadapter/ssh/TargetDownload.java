package parc.agentlessadapter.ssh;

import java.util.List;

/** Runs a {@link DownloadRequest} on the target and verifies its checksum there. */
final class TargetDownload {

	private static final String TOOL_MARK = "parc-download-tool ";

	private static final String UNIX_SCRIPT = """
			mkdir -p -- "$2" || exit 3
			cd -- "$2" || exit 3
			if command -v curl >/dev/null 2>&1; then
			  echo "parc-download-tool curl"
			  curl -fsS --connect-timeout 30 --retry 2 -o "$3" "$1"
			elif command -v wget >/dev/null 2>&1; then
			  echo "parc-download-tool wget"
			  wget -q -T 30 -t 3 -O "$3" "$1"
			else
			  echo "neither curl nor wget is installed on the target" >&2
			  exit 127
			fi
			""";

	private static final String WINDOWS_SCRIPT = """
			New-Item -ItemType Directory -Force -Path $args[1] | Out-Null
			Set-Location -LiteralPath $args[1]
			"parc-download-tool powershell"
			$ProgressPreference = 'SilentlyContinue'
			Invoke-WebRequest -UseBasicParsing -Uri $args[0] -OutFile $args[2]
			""";

	private final CommandExecution execution;

	private final RemoteChecksums checksums;

	private final SshTarget target;

	TargetDownload(CommandExecution execution, RemoteChecksums checksums, SshTarget target) {
		this.execution = execution;
		this.checksums = checksums;
		this.target = target;
	}

	DownloadReport run(DownloadRequest request) {
		long start = System.nanoTime();
		String script = (this.target.system() == RemoteSystem.WINDOWS) ? WINDOWS_SCRIPT : UNIX_SCRIPT;
		RemoteCommand command = RemoteCommand
			.of(script, request.url(), request.destination().path(), request.fileName())
			.withTimeLimit(request.timeLimit());
		CommandResult result = this.execution.run(command, OutputListener.NONE);
		String tool = result.stdout()
			.lines()
			.filter((line) -> line.startsWith(TOOL_MARK))
			.map((line) -> line.substring(TOOL_MARK.length()).trim())
			.findFirst()
			.orElse("none");
		if (!result.succeeded()) {
			throw new SshException(this.target, SshStep.TRANSFER, "download of " + request.url()
					+ " on the target failed (" + tool + "): " + RemoteChecksums.describe(result));
		}
		String digest = this.checksums.of(request.destination().path(), List.of(request.fileName()))
			.get(request.fileName());
		if (!request.sha256().equals(digest)) {
			throw new SshException(this.target, SshStep.TRANSFER, "downloaded " + request.fileName() + " has SHA-256 "
					+ digest + " on the target instead of " + request.sha256());
		}
		return new DownloadReport(tool, request.destination().resolve(request.fileName()), digest,
				java.time.Duration.ofNanos(System.nanoTime() - start));
	}

}
