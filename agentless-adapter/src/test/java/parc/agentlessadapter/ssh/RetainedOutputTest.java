package parc.agentlessadapter.ssh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetainedOutputTest {

	@Test
	void shouldKeepTheHeadAndTheTailAndCountTheMiddle() {
		RetainedOutput output = new RetainedOutput(40);
		for (int i = 0; i < 10; i++) {
			output.add(new OutputLine(Instant.EPOCH, OutputChannel.STDOUT, "line " + i));
		}
		// 7 bytes a line with its newline: 2 fit the 20-byte head, 2 the 20-byte tail.
		assertThat(output.head()).extracting(OutputLine::text).containsExactly("line 0", "line 1");
		assertThat(output.tail()).extracting(OutputLine::text).containsExactly("line 8", "line 9");
		assertThat(output.droppedLines()).isEqualTo(6);
		assertThat(output.droppedBytes()).isEqualTo(42);
	}

	@Test
	void shouldSplitLinesAcrossWritesAndCutEndlessOnes() throws Exception {
		List<OutputLine> lines = new ArrayList<>();
		LineSplitter splitter = new LineSplitter(OutputChannel.STDERR, lines::add,
				Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
		splitter.write("hel".getBytes(StandardCharsets.UTF_8));
		splitter.write("lo\r\nwor".getBytes(StandardCharsets.UTF_8));
		ByteArrayOutputStream endless = new ByteArrayOutputStream();
		endless.write(new byte[LineSplitter.MAX_LINE_BYTES + 10]);
		splitter.write("ld\n".getBytes(StandardCharsets.UTF_8));
		splitter.write(endless.toByteArray());
		splitter.close();
		assertThat(lines).extracting(OutputLine::text).first().isEqualTo("hello");
		assertThat(lines.get(1).text()).isEqualTo("world");
		assertThat(lines.get(2).text()).hasSize(LineSplitter.MAX_LINE_BYTES);
		assertThat(lines.get(3).text()).hasSize(10);
		assertThat(lines).extracting(OutputLine::channel).containsOnly(OutputChannel.STDERR);
	}

}
