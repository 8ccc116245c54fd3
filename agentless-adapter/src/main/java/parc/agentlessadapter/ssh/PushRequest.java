package parc.agentlessadapter.ssh;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Copy a local folder's files into a working directory on the target.
 *
 * <p>
 * A file arrives executable by its owner on a Unix target when it is executable by its
 * owner locally (a package unpacked from an archive keeps its modes) or when its relative
 * path is in {@code executables} (the file a package's command names, which an upload
 * cannot mark). Every other file keeps the target's default mode.
 *
 * @param localFolder the folder whose files (recursively) are sent
 * @param destination the working directory; created when missing
 * @param bytesPerSecond bandwidth cap, 0 for none
 * @param executables relative paths ({@code /} separated) to make executable; never null
 */
public record PushRequest(Path localFolder, WorkingDirectory destination, long bytesPerSecond,
		Set<String> executables) {

	public PushRequest {
		Objects.requireNonNull(localFolder, "localFolder");
		Objects.requireNonNull(destination, "destination");
		if (bytesPerSecond < 0) {
			throw new IllegalArgumentException("bytes per second must be 0 (no cap) or positive");
		}
		executables = Set.copyOf(executables);
	}

	/** A push that marks no file executable beyond the local modes. */
	public PushRequest(Path localFolder, WorkingDirectory destination, long bytesPerSecond) {
		this(localFolder, destination, bytesPerSecond, Set.of());
	}

	boolean executable(LocalFile file) {
		return file.ownerExecutable() || this.executables.contains(file.relativePath());
	}

}
