package parc.orchestrator.group;

/**
 * The report line of one value. The JSON names are a public contract of
 * {@code /api/groups/imports/{id}/rows}.
 *
 * @param line the line in the file
 * @param value the value as read
 * @param outcome what it found
 * @param machines how many machines it matched
 * @param reason why it is invalid or ambiguous, or null
 */
public record GroupImportLine(int line, String value, GroupImportOutcome outcome, int machines, String reason) {

}
