package parc.agentlessadapter.ssh;

import java.time.Instant;

/**
 * One line a remote command printed, without its line terminator.
 *
 * @param at when Parc received the end of the line
 * @param channel stdout or stderr
 * @param text the line, decoded as UTF-8 (invalid bytes become U+FFFD); a line longer
 * than {@link LineSplitter#MAX_LINE_BYTES} arrives in pieces
 */
public record OutputLine(Instant at, OutputChannel channel, String text) {

}
