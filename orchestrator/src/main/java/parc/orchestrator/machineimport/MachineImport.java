package parc.orchestrator.machineimport;

import java.time.Instant;
import java.util.List;

/**
 * One import of a CSV file of machines. The JSON names are a public contract of
 * {@code /api/machine-imports}.
 *
 * @param id Parc's identifier
 * @param fileName the file's name as given
 * @param source uploaded or from the watched folder
 * @param mode good rows or all-or-nothing
 * @param charset how the file's bytes were read
 * @param mapping one field key per CSV column
 * @param state where it stands
 * @param rowsRead data rows read so far (the progress while READING)
 * @param created machines created
 * @param updated machines changed
 * @param unchanged rows equal to their machine
 * @param errors rows refused
 * @param failure why nothing was applied, or null
 * @param requestedBy who started it ({@code folder} for the watched folder)
 * @param requestedAt when
 * @param finishedAt when it ended, or null
 */
public record MachineImport(long id, String fileName, MachineImportSource source, MachineImportMode mode,
		String charset, List<String> mapping, MachineImportState state, int rowsRead, int created, int updated,
		int unchanged, int errors, String failure, String requestedBy, Instant requestedAt, Instant finishedAt) {

	public MachineImport {
		mapping = List.copyOf(mapping);
	}

}
