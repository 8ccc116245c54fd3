package parc.agentlessadapter.inventory;

import java.time.Clock;
import java.time.Duration;

import parc.agentlessadapter.ssh.CommandResult;
import parc.agentlessadapter.ssh.OutputListener;
import parc.agentlessadapter.ssh.RemoteCommand;
import parc.agentlessadapter.ssh.RemoteSession;
import parc.agentlessadapter.ssh.RemoteSystem;
import parc.agentlessadapter.ssh.SshException;
import parc.agentlessadapter.ssh.SshStep;

/**
 * Collects a machine's inventory in one command over an open session. Thread-safe.
 */
public final class InventoryCollector {

	/** Enough for a few thousand packages' lines, with room. */
	private static final long MAX_OUTPUT = 16L * 1024 * 1024;

	private final Duration timeLimit;

	private final Clock clock;

	public InventoryCollector(Duration timeLimit, Clock clock) {
		this.timeLimit = timeLimit;
		this.clock = clock;
	}

	/**
	 * @throws SshException at the command step when the script cannot run or times out
	 */
	public RemoteInventory collect(RemoteSession session) {
		boolean windows = session.target().system() == RemoteSystem.WINDOWS;
		RemoteCommand command = RemoteCommand.of(windows ? InventoryScripts.WINDOWS : InventoryScripts.LINUX)
			.withTimeLimit(this.timeLimit)
			.retaining(MAX_OUTPUT);
		CommandResult result = session.run(command, OutputListener.NONE);
		if (result.timedOut()) {
			throw new SshException(session.target(), SshStep.COMMAND,
					"the inventory script did not finish within " + this.timeLimit.toSeconds() + " s");
		}
		if (result.droppedLines() > 0) {
			throw new SshException(session.target(), SshStep.COMMAND,
					"the inventory script printed more than " + MAX_OUTPUT + " bytes");
		}
		String output = result.stdout();
		if (!output.contains("@@parc hostname")) {
			throw new SshException(session.target(), SshStep.COMMAND,
					"the inventory script gave no result (exit status " + result.exitCode() + "): "
							+ result.stderr().lines().limit(3).reduce((a, b) -> a + " / " + b).orElse(""));
		}
		return windows ? WindowsInventoryParser.parse(output, this.clock.instant())
				: LinuxInventoryParser.parse(output, this.clock.instant());
	}

}
