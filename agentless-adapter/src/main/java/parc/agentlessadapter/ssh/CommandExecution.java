package parc.agentlessadapter.ssh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Runs one command on an exec channel: streams its lines, enforces its time limit, keeps
 * its output within the cap.
 */
final class CommandExecution {

	/**
	 * How long a killed command's channel gets to close by itself before Parc closes it.
	 */
	private static final Duration KILL_GRACE = Duration.ofSeconds(2);

	private final ClientSession session;

	private final SshTarget target;

	private final Duration openTimeout;

	private final Clock clock;

	CommandExecution(ClientSession session, SshTarget target, Duration openTimeout, Clock clock) {
		this.session = session;
		this.target = target;
		this.openTimeout = openTimeout;
		this.clock = clock;
	}

	CommandResult run(RemoteCommand command, OutputListener listener) {
		String line = CommandLines.render(this.target.system(), command);
		// One budget per channel: a flood on stdout cannot push the error message out of
		// stderr's.
		RetainedOutput retainedOut = new RetainedOutput(command.maxRetainedBytes() / 2);
		RetainedOutput retainedErr = new RetainedOutput(command.maxRetainedBytes() - command.maxRetainedBytes() / 2);
		Consumer<OutputLine> sink = (output) -> {
			((output.channel() == OutputChannel.STDOUT) ? retainedOut : retainedErr).add(output);
			listener.onLine(output);
		};
		long start = System.nanoTime();
		LineSplitter stdout = new LineSplitter(OutputChannel.STDOUT, sink, this.clock);
		LineSplitter stderr = new LineSplitter(OutputChannel.STDERR, sink, this.clock);
		boolean timedOut = false;
		Integer exitCode;
		try (ChannelExec channel = this.session.createExecChannel(line)) {
			// An empty stdin: a command that reads input gets end-of-file instead of
			// waiting forever.
			channel.setIn(new ByteArrayInputStream(new byte[0]));
			channel.setOut(stdout);
			channel.setErr(stderr);
			channel.open().verify(this.openTimeout);
			Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
					command.timeLimit());
			if (events.contains(ClientChannelEvent.TIMEOUT)) {
				timedOut = true;
				kill(channel);
			}
			exitCode = timedOut ? null : channel.getExitStatus();
			if (!timedOut && exitCode == null && this.session.isClosed()) {
				throw new SshException(this.target, SshStep.COMMAND,
						"the connection was lost before the command finished", null);
			}
		}
		catch (IOException ex) {
			throw new SshException(this.target, SshStep.COMMAND, SshConnector.reason(ex), ex);
		}
		finally {
			stdout.close();
			stderr.close();
		}
		return new CommandResult(exitCode, timedOut, Duration.ofNanos(System.nanoTime() - start),
				inTimeOrder(retainedOut.head(), retainedErr.head()),
				inTimeOrder(retainedOut.tail(), retainedErr.tail()),
				retainedOut.droppedLines() + retainedErr.droppedLines(),
				retainedOut.droppedBytes() + retainedErr.droppedBytes());
	}

	private static List<OutputLine> inTimeOrder(List<OutputLine> stdout, List<OutputLine> stderr) {
		List<OutputLine> merged = new ArrayList<>(stdout.size() + stderr.size());
		merged.addAll(stdout);
		merged.addAll(stderr);
		// Stable: lines of one channel keep their order when timestamps tie.
		merged.sort(Comparator.comparing(OutputLine::at));
		return merged;
	}

	/**
	 * RFC 4254 §6.9 signal request: OpenSSH (7.9 and later) sends it to the command's
	 * whole process group. A server that ignores it still sees the channel closed
	 * afterwards, which ends commands that write output.
	 */
	private void kill(ChannelExec channel) throws IOException {
		try {
			Buffer request = this.session.createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 32);
			request.putUInt(channel.getRecipient());
			request.putString("signal");
			request.putBoolean(false);
			request.putString("KILL");
			channel.writePacket(request);
			channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), KILL_GRACE);
		}
		finally {
			channel.close(true);
		}
	}

}
