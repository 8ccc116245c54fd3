package parc.orchestrator.pkg;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import parc.orchestrator.machine.OsFamily;

/**
 * A package. The JSON names are a public contract of {@code /api/packages}.
 *
 * @param id identifier
 * @param depotId the repository holding it
 * @param label name shown to administrators
 * @param version its version; label and version are unique per repository
 * @param description free text
 * @param command the install command run in the package's folder on the target, e.g.
 * {@code ./install.sh}
 * @param osFamily the machines it is for
 * @param needsReboot whether the machine must restart after installing it
 * @param fileCount number of files
 * @param sizeBytes their total size
 * @param files the manifest (empty in lists)
 * @param createdBy who made it
 * @param createdAt when
 * @param updatedAt when its label, version, description or command last changed
 * @param agent how OCS agents receive it, every field set
 */
public record SoftwarePackage(long id, long depotId, String label, String version, String description, String command,
		OsFamily osFamily, boolean needsReboot, int fileCount, long sizeBytes, List<PackageFile> files,
		String createdBy, Instant createdAt, Instant updatedAt, AgentPackageSettings agent) {

	/** With the default agent settings. */
	public SoftwarePackage(long id, long depotId, String label, String version, String description, String command,
			OsFamily osFamily, boolean needsReboot, int fileCount, long sizeBytes, List<PackageFile> files,
			String createdBy, Instant createdAt, Instant updatedAt) {
		this(id, depotId, label, version, description, command, osFamily, needsReboot, fileCount, sizeBytes, files,
				createdBy, createdAt, updatedAt, null);
	}

	public SoftwarePackage {
		files = List.copyOf(files);
		agent = (agent != null) ? agent.complete() : AgentPackageSettings.defaults();
	}

	/**
	 * The package file the command runs directly, as in {@code ./install.sh --quiet} or
	 * {@code "./my setup.sh"}: the deployment makes it executable on the machine, since
	 * an uploaded file carries no mode. Empty when the command starts with anything else
	 * ({@code sh ./install.sh}, {@code msiexec ...}) or names no file of the manifest.
	 */
	public Optional<String> commandFile() {
		String first = firstWord(this.command);
		if (first == null || !first.startsWith("./")) {
			return Optional.empty();
		}
		String path = first.substring(2);
		return this.files.stream().map(PackageFile::path).filter(path::equals).findFirst();
	}

	private static String firstWord(String command) {
		if (command == null || command.isBlank()) {
			return null;
		}
		String text = command.strip();
		char quote = text.charAt(0);
		if (quote == '"' || quote == '\'') {
			int end = text.indexOf(quote, 1);
			return (end > 0) ? text.substring(1, end) : null;
		}
		int space = text.indexOf(' ');
		return (space > 0) ? text.substring(0, space) : text;
	}

}
