package parc.agentlessadapter.ssh;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file fetched from a target's folder.
 *
 * @param remoteName its name on the target, as data: never used as a local path
 * @param size bytes received
 * @param modifiedAt its modification time on the target, or null when unknown
 * @param localFile where it was written
 */
public record PulledFile(String remoteName, long size, Instant modifiedAt, Path localFile) {

}
