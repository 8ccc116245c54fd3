package parc.agentlessadapter.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Turns one output stream of a command into timestamped lines. A line is cut at
 * {@link #MAX_LINE_BYTES} so that output without newlines cannot grow memory without
 * bound. Not thread-safe: MINA writes one stream from one thread at a time.
 */
final class LineSplitter extends OutputStream {

	static final int MAX_LINE_BYTES = 16 * 1024;

	private final OutputChannel channel;

	private final Consumer<OutputLine> sink;

	private final Clock clock;

	private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

	LineSplitter(OutputChannel channel, Consumer<OutputLine> sink, Clock clock) {
		this.channel = channel;
		this.sink = sink;
		this.clock = clock;
	}

	@Override
	public void write(int b) {
		if (b == '\n') {
			emit();
			return;
		}
		this.line.write(b);
		if (this.line.size() >= MAX_LINE_BYTES) {
			emit();
		}
	}

	@Override
	public void write(byte[] bytes, int offset, int length) {
		int start = offset;
		int end = offset + length;
		for (int i = offset; i < end; i++) {
			if (bytes[i] == '\n') {
				append(bytes, start, i - start);
				emit();
				start = i + 1;
			}
		}
		append(bytes, start, end - start);
	}

	private void append(byte[] bytes, int offset, int length) {
		int position = offset;
		int left = length;
		while (left > 0) {
			int room = MAX_LINE_BYTES - this.line.size();
			int chunk = Math.min(room, left);
			this.line.write(bytes, position, chunk);
			position += chunk;
			left -= chunk;
			if (this.line.size() >= MAX_LINE_BYTES) {
				emit();
			}
		}
	}

	private void emit() {
		byte[] bytes = this.line.toByteArray();
		this.line.reset();
		int length = bytes.length;
		if (length > 0 && bytes[length - 1] == '\r') {
			length--;
		}
		this.sink.accept(new OutputLine(this.clock.instant(), this.channel,
				new String(bytes, 0, length, StandardCharsets.UTF_8)));
	}

	/** Emits a last line that had no newline. */
	@Override
	public void close() {
		if (this.line.size() > 0) {
			emit();
		}
	}

}
