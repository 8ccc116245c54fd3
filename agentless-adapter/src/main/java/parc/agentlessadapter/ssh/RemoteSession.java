package parc.agentlessadapter.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.apache.sshd.client.session.ClientSession;

/**
 * One authenticated SSH session to a target, for one unit of work: use it in
 * try-with-resources. Its operations run one at a time on the caller's thread; failures
 * are {@link SshException}s naming the step.
 */
public final class RemoteSession implements AutoCloseable {

	private final ClientSession session;

	private final SshTarget target;

	private final CommandExecution execution;

	private final RemoteChecksums checksums;

	RemoteSession(ClientSession session, SshTarget target, SshSettings settings) {
		this.session = session;
		this.target = target;
		this.execution = new CommandExecution(session, target, settings.channelOpenTimeout(), Clock.systemUTC());
		this.checksums = new RemoteChecksums(this.execution, target);
	}

	public SshTarget target() {
		return this.target;
	}

	/**
	 * Whether the connection is still up: a session kept for the next unit of work may
	 * have dropped.
	 */
	public boolean isOpen() {
		return this.session.isOpen() && !this.session.isClosing();
	}

	/** The SHA-256 fingerprint of the host key this session verified. */
	public String hostKeyFingerprint() {
		String fingerprint = this.session.getAttribute(HostKeyVerifier.FINGERPRINT);
		return (fingerprint != null) ? fingerprint : HostKeyVerifier.fingerprint(this.session.getServerKey());
	}

	/**
	 * Runs a command, streaming each line to the listener as it arrives. A command that
	 * outlives its time limit is killed and reported {@link CommandResult#timedOut()}.
	 * @throws SshException at the command step when it cannot start or the connection is
	 * lost
	 */
	public CommandResult run(RemoteCommand command, OutputListener listener) {
		return this.execution.run(command, listener);
	}

	/**
	 * Copies a folder into a working directory and verifies every file's SHA-256 on the
	 * target; a new push of the same folder completes a broken one.
	 * @throws SshException at the transfer step
	 */
	public PushReport push(PushRequest request) {
		return new FolderPusher(this.session, this.target, this.checksums, this.execution).push(request);
	}

	/**
	 * Has the target download a file from Parc and verifies it.
	 * @throws SshException at the transfer step
	 */
	public DownloadReport download(DownloadRequest request) {
		return new TargetDownload(this.execution, this.checksums, this.target).run(request);
	}

	/**
	 * Fetches the first file, in name order, of a folder on the target.
	 * @param remoteFolder absolute, or relative to the login's home
	 * @param maxBytes a larger file is refused
	 * @param localFile where to write it; replaced
	 * @throws SshException at the transfer step
	 */
	public PulledFile pullFirstFile(String remoteFolder, long maxBytes, Path localFile) {
		return new FilePuller(this.session, this.target).pullFirst(remoteFolder, maxBytes, localFile);
	}

	/**
	 * Deletes a working directory and everything in it; a missing one is not an error.
	 * @throws SshException at the command step
	 */
	public void delete(WorkingDirectory directory) {
		RemoteCommand command = (this.target.system() == RemoteSystem.WINDOWS) ? RemoteCommand.of(
				"if (Test-Path -LiteralPath $args[0]) { Remove-Item -LiteralPath $args[0] -Recurse -Force }",
				directory.path().replace('/', '\\')) : RemoteCommand.of("rm -rf -- \"$1\"", directory.path());
		CommandResult result = run(command.withTimeLimit(Duration.ofMinutes(5)), OutputListener.NONE);
		if (!result.succeeded()) {
			throw new SshException(this.target, SshStep.COMMAND,
					"cannot delete " + directory.path() + ": " + RemoteChecksums.describe(result));
		}
	}

	/**
	 * Sends a shutdown or reboot. The connection usually drops as the machine goes down,
	 * so a lost connection counts as sent.
	 */
	public CommandResult power(PowerAction action) {
		return run(RemoteCommand.of(action.script(this.target.system())).withTimeLimit(Duration.ofSeconds(30)),
				OutputListener.NONE);
	}

	@Override
	public void close() {
		try {
			this.session.close(false).await(Duration.ofSeconds(5));
		}
		catch (IOException ex) {
			// Nothing left to do with a session that cannot close cleanly.
			this.session.close(true);
		}
	}

}
