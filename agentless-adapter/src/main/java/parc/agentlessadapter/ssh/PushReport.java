package parc.agentlessadapter.ssh;

import java.time.Duration;
import java.util.List;

/**
 * The result of a push whose every file was verified on the target.
 *
 * @param files each file, in path order
 * @param bytesSent bytes that crossed the network
 * @param protocol SFTP, or SCP when the server had no SFTP subsystem
 * @param elapsed how long it took
 */
public record PushReport(List<PushedFile> files, long bytesSent, TransferProtocol protocol, Duration elapsed) {

	public PushReport {
		files = List.copyOf(files);
	}

}
