package parc.agentlessadapter.ssh;

import java.time.Duration;

/**
 * A download the target made and Parc verified.
 *
 * @param tool what the target used: {@code curl}, {@code wget} or {@code powershell}
 * @param path where the file is, relative to the login's home
 * @param sha256 its digest as computed on the target
 * @param elapsed how long it took
 */
public record DownloadReport(String tool, String path, String sha256, Duration elapsed) {

}
