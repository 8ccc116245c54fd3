package parc.agentlessadapter.ssh;

import java.util.regex.Pattern;

/**
 * A per-job folder on a target, {@code .parc/work/<job>} under the login's home. Only
 * such folders can be pushed to and deleted, so a bad identifier can never make Parc
 * delete anything else.
 *
 * @param path the folder, relative to the login's home, with {@code /} separators
 */
public record WorkingDirectory(String path) {

	private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final String ROOT = ".parc/work/";

	public WorkingDirectory {
		if (!path.startsWith(ROOT) || !JOB_ID.matcher(path.substring(ROOT.length())).matches() || path.contains("..")) {
			throw new IllegalArgumentException("not a Parc working directory: " + path);
		}
	}

	/**
	 * @param jobId 1 to 64 letters, digits, dots, dashes or underscores, not starting
	 * with a dot or dash, without {@code ..}
	 */
	public static WorkingDirectory forJob(String jobId) {
		if (jobId == null || !JOB_ID.matcher(jobId).matches() || jobId.contains("..")) {
			throw new IllegalArgumentException(
					"job identifier must be 1 to 64 letters, digits, '.', '-' or '_': " + jobId);
		}
		return new WorkingDirectory(ROOT + jobId);
	}

	/** The path of a file inside, from a relative path with {@code /} separators. */
	String resolve(String relative) {
		return this.path + "/" + relative;
	}

}
