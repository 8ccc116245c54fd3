package parc.ocsagent.download;

/** What the agent does with an unpacked package ({@code ACT}, protocol §4.6). */
public enum PackageAction {

	/** Runs {@code COMMAND} with /bin/sh in the unpacked folder; exit 0 is SUCCESS. */
	EXECUTE,

	/**
	 * Runs the package file {@code NAME} names, with its arguments; any exit code n is
	 * {@code SUCCESS_n}.
	 */
	LAUNCH,

	/** Copies the unpacked files into {@code PATH}. */
	STORE

}
