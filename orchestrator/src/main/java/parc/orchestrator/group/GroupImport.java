package parc.orchestrator.group;

import java.time.Instant;
import java.util.Map;

/**
 * A static group built from a file. The JSON names are a public contract of
 * {@code /api/groups/imports}.
 *
 * @param id the import
 * @param groupId the group it created, null once deleted
 * @param groupName its name
 * @param kind what the values were
 * @param fileName the file's name
 * @param machines how many machines the group received
 * @param lines how many lines had each outcome
 * @param requestedBy who imported
 * @param requestedAt when
 */
public record GroupImport(long id, Long groupId, String groupName, GroupImportKind kind, String fileName, int machines,
		Map<GroupImportOutcome, Integer> lines, String requestedBy, Instant requestedAt) {

	public GroupImport {
		lines = Map.copyOf(lines);
	}

}
