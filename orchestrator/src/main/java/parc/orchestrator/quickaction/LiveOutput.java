package parc.orchestrator.quickaction;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import parc.orchestrator.agentless.CommandLine;

/**
 * The latest lines of a command still running, so its page shows them before it ends.
 * Bounded: only the last {@link #LINES} are kept. Thread-safe; written from SSH I/O
 * threads.
 */
final class LiveOutput {

	static final int LINES = 200;

	private final Deque<CommandLine> lines = new ArrayDeque<>();

	private long dropped;

	synchronized void add(CommandLine line) {
		this.lines.addLast(line);
		if (this.lines.size() > LINES) {
			this.lines.removeFirst();
			this.dropped++;
		}
	}

	synchronized List<CommandLine> lines() {
		return List.copyOf(this.lines);
	}

	synchronized long dropped() {
		return this.dropped;
	}

}
