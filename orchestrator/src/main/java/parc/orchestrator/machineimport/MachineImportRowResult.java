package parc.orchestrator.machineimport;

/**
 * The report line of one CSV row. The JSON names are a public contract of
 * {@code /api/machine-imports/{id}/rows}.
 *
 * @param line the line in the file (the header is line 1)
 * @param name the machine's name as given, or null
 * @param outcome what became of it
 * @param reason why it was refused or left out, or null
 * @param machineId the machine created or updated, or null
 */
public record MachineImportRowResult(int line, String name, RowOutcome outcome, String reason, Long machineId) {

}
