package parc.agentlessadapter.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a remote command ended and what it printed, within the retention cap.
 *
 * @param exitCode the exit status, or null when the command was killed or the server sent
 * none
 * @param timedOut true when Parc killed it at its time limit
 * @param elapsed from start to end
 * @param head the first lines kept
 * @param tail the last lines kept, after the dropped ones
 * @param droppedLines lines dropped between head and tail
 * @param droppedBytes their size in bytes
 */
public record CommandResult(Integer exitCode, boolean timedOut, Duration elapsed, List<OutputLine> head,
		List<OutputLine> tail, long droppedLines, long droppedBytes) {

	public CommandResult {
		head = List.copyOf(head);
		tail = List.copyOf(tail);
	}

	/** True when it exited with status 0. */
	public boolean succeeded() {
		return !this.timedOut && this.exitCode != null && this.exitCode == 0;
	}

	/** Every kept line, head then tail. */
	public List<OutputLine> lines() {
		List<OutputLine> all = new ArrayList<>(this.head);
		all.addAll(this.tail);
		return all;
	}

	/** The kept lines of one channel, joined with newlines. */
	public String text(OutputChannel channel) {
		return lines().stream()
			.filter((line) -> line.channel() == channel)
			.map(OutputLine::text)
			.collect(Collectors.joining("\n"));
	}

	public String stdout() {
		return text(OutputChannel.STDOUT);
	}

	public String stderr() {
		return text(OutputChannel.STDERR);
	}

	/** A line to show where the dropped output was, or null when nothing was dropped. */
	public String droppedNotice() {
		if (this.droppedLines == 0) {
			return null;
		}
		return "[" + this.droppedLines + " lines (" + this.droppedBytes + " bytes) of output dropped here]";
	}

}
