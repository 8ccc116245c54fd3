package parc.agentlessadapter.ssh;

import java.time.Duration;
import java.util.Objects;

/**
 * Pull mode: the target downloads a file from Parc itself, with {@code curl} or
 * {@code wget} (PowerShell's web client on Windows), and Parc checks its SHA-256 there.
 *
 * @param url an http or https address the target can reach
 * @param destination the working directory to download into
 * @param fileName the file's name there, without folders
 * @param sha256 expected digest, lower-case hex
 * @param timeLimit how long the download may take
 */
public record DownloadRequest(String url, WorkingDirectory destination, String fileName, String sha256,
		Duration timeLimit) {

	public DownloadRequest {
		Objects.requireNonNull(destination, "destination");
		Objects.requireNonNull(timeLimit, "timeLimit");
		if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
			throw new IllegalArgumentException("download address must be http:// or https://: " + url);
		}
		if (fileName == null || fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\")
				|| fileName.equals(".") || fileName.equals("..") || fileName.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("file name must be a plain name without folders: " + fileName);
		}
		if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("expected SHA-256 must be 64 lower-case hex digits");
		}
	}

}
