package parc.agentlessadapter.ssh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Keeps a bounded part of a command's output: the first lines up to half the budget, and
 * the last lines up to the other half, counting what was dropped between them. The middle
 * of a huge log is the part least worth keeping. Thread-safe.
 */
final class RetainedOutput {

	private final long headBudget;

	private final long tailBudget;

	private final List<OutputLine> head = new ArrayList<>();

	private final Deque<OutputLine> tail = new ArrayDeque<>();

	private long headBytes;

	private long tailBytes;

	private long droppedLines;

	private long droppedBytes;

	RetainedOutput(long maxBytes) {
		this.headBudget = maxBytes / 2;
		this.tailBudget = maxBytes - this.headBudget;
	}

	synchronized void add(OutputLine line) {
		long size = size(line);
		if (this.tail.isEmpty() && this.headBytes + size <= this.headBudget) {
			this.head.add(line);
			this.headBytes += size;
			return;
		}
		this.tail.addLast(line);
		this.tailBytes += size;
		while (this.tailBytes > this.tailBudget && !this.tail.isEmpty()) {
			OutputLine dropped = this.tail.removeFirst();
			long droppedSize = size(dropped);
			this.tailBytes -= droppedSize;
			this.droppedLines++;
			this.droppedBytes += droppedSize;
		}
	}

	private static long size(OutputLine line) {
		// The line's bytes plus its newline: what the command printed.
		return line.text().getBytes(StandardCharsets.UTF_8).length + 1L;
	}

	synchronized List<OutputLine> head() {
		return List.copyOf(this.head);
	}

	synchronized List<OutputLine> tail() {
		return List.copyOf(this.tail);
	}

	synchronized long droppedLines() {
		return this.droppedLines;
	}

	synchronized long droppedBytes() {
		return this.droppedBytes;
	}

}
