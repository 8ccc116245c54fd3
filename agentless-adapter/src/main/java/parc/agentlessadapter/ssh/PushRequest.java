package parc.agentlessadapter.ssh;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Copy a local folder's files into a working directory on the target.
 *
 * @param localFolder the folder whose files (recursively) are sent
 * @param destination the working directory; created when missing
 * @param bytesPerSecond bandwidth cap, 0 for none
 */
public record PushRequest(Path localFolder, WorkingDirectory destination, long bytesPerSecond) {

	public PushRequest {
		Objects.requireNonNull(localFolder, "localFolder");
		Objects.requireNonNull(destination, "destination");
		if (bytesPerSecond < 0) {
			throw new IllegalArgumentException("bytes per second must be 0 (no cap) or positive");
		}
	}

}
