package parc.orchestrator.machineimport;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parc.machine-import.*}.
 *
 * @param dir where uploads wait, the watched folder ({@code inbox/}) and the processed
 * files ({@code done/}, {@code failed/}) live
 * @param folderMode how files dropped in the watched folder are applied: nobody is there
 * to choose, so all-or-nothing unless set
 * @param maxRows the most data rows one file may hold
 * @param keepDays how long a finished import's per-row report is kept
 */
@ConfigurationProperties("parc.machine-import")
public record MachineImportProperties(Path dir, MachineImportMode folderMode, Integer maxRows, Integer keepDays) {

	public static final int DEFAULT_MAX_ROWS = 200_000;

	public static final int DEFAULT_KEEP_DAYS = 30;

	public MachineImportProperties {
		dir = (dir != null) ? dir : Path.of("data", "import", "machines");
		folderMode = (folderMode != null) ? folderMode : MachineImportMode.ALL_OR_NOTHING;
		maxRows = (maxRows != null && maxRows > 0) ? maxRows : DEFAULT_MAX_ROWS;
		keepDays = (keepDays != null && keepDays > 0) ? keepDays : DEFAULT_KEEP_DAYS;
	}

	public Path inbox() {
		return this.dir.resolve("inbox");
	}

	public Path uploads() {
		return this.dir.resolve("uploads");
	}

	public Path done() {
		return this.dir.resolve("done");
	}

	public Path failed() {
		return this.dir.resolve("failed");
	}

}
