package parc.ocsagent.download;

import java.util.Objects;

/**
 * Everything the {@code info} file says about a package, except what the build computes
 * (the digest and the number of fragments).
 *
 * @param id the package's OCS id: digits only, or the agent never works on it (§2.4)
 * @param action what the agent does once the files are unpacked
 * @param command the EXECUTE command line, run by /bin/sh
 * @param launch the LAUNCH file and its arguments
 * @param storePath the STORE folder ({@code INSTALL_PATH} is the agent's own)
 * @param priority 0 (runs alone, before any other package) to 10; the agent handles a
 * package on cycles where {@code cycle % priority == 0}
 * @param notification the Windows agent's pop-up settings, passed through
 * @param format how the files are packed
 * @param fragmentBytes the largest fragment
 */
public record OcsPackageSpec(long id, PackageAction action, String command, String launch, String storePath,
		int priority, Notification notification, ArchiveFormat format, long fragmentBytes) {

	public OcsPackageSpec {
		if (id <= 0) {
			throw new IllegalArgumentException("An OCS package id is a positive number, not " + id);
		}
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(format, "format");
		notification = (notification != null) ? notification : Notification.NONE;
		if (priority < 0 || priority > 10) {
			throw new IllegalArgumentException("The priority is 0 to 10, not " + priority);
		}
		if (fragmentBytes < 1) {
			throw new IllegalArgumentException("A fragment holds at least one byte");
		}
		switch (action) {
			case EXECUTE -> require(command, "An EXECUTE package needs a command");
			case LAUNCH -> {
				require(launch, "A LAUNCH package needs the file to launch");
				LaunchNames.check(launch);
			}
			case STORE -> require(storePath, "A STORE package needs the folder to store into");
		}
	}

	private static void require(String value, String message) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(message);
		}
	}

	/**
	 * What a Windows agent shows its user before and after the package; the Unix agent
	 * ignores it all (§4.3).
	 *
	 * @param notifyUser whether to ask
	 * @param text the message
	 * @param countdownSeconds how long the message stays before the package goes on
	 * @param canAbort whether the user may cancel
	 * @param canDelay whether the user may postpone
	 * @param doneActionText what to tell the user once done, or null for nothing
	 */
	public record Notification(boolean notifyUser, String text, Integer countdownSeconds, boolean canAbort,
			boolean canDelay, String doneActionText) {

		public static final Notification NONE = new Notification(false, null, null, false, false, null);

	}

}
