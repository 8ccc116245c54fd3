package parc.orchestrator.machineimport;

import java.util.List;
import java.util.Map;

/**
 * One CSV row as checked on its own, ready for the staging table; null fields were not in
 * the file (or empty where that means "not set").
 *
 * @param error why the row cannot be applied, or null
 */
record StagedRow(int line, String name, String address, List<String> macAddresses, String osFamily, String channel,
		Integer sshPort, String sshUser, String credentialName, List<String> tags, String notes, String tag,
		Map<String, String> adminFields, String error) {

	static StagedRow refused(int line, String name, String error) {
		return new StagedRow(line, name, null, null, null, null, null, null, null, null, null, null, Map.of(), error);
	}

}
