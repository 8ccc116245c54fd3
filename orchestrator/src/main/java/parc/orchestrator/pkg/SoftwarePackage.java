package parc.orchestrator.pkg;

import java.time.Instant;
import java.util.List;

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
 */
public record SoftwarePackage(long id, long depotId, String label, String version, String description, String command,
		OsFamily osFamily, boolean needsReboot, int fileCount, long sizeBytes, List<PackageFile> files,
		String createdBy, Instant createdAt, Instant updatedAt) {

	public SoftwarePackage {
		files = List.copyOf(files);
	}

}
