package parc.ocsagent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CONTENT of an INVENTORY request (protocol §3.2), kept whole: every section, known
 * or not, as rows of field/value pairs, so the store can keep the full document and the
 * history can compare any section. The three sections that are not rows of fields get
 * their own accessors: ACCOUNTINFO, DOWNLOAD history and IPDISCOVER.
 *
 * @param sections section name to rows, in document order; each row maps field name to
 * text (fields given as attributes count too); single-row sections (HARDWARE, BIOS) are
 * lists of one
 * @param accountInfo the ACCOUNTINFO key/value pairs
 * @param downloadHistory IDs of the packages the agent has installed
 * ({@code DOWNLOAD/HISTORY/PACKAGE/@ID})
 * @param oldDeviceId the DEVICEID the agent had before it was reinstalled or its state
 * lost ({@code OLD_DEVICEID}, Windows agents), or null
 */
public record InventoryContent(Map<String, List<Map<String, String>>> sections, List<AccountInfo> accountInfo,
		List<String> downloadHistory, String oldDeviceId) {

	public InventoryContent {
		Map<String, List<Map<String, String>>> copy = new LinkedHashMap<>();
		// Field order is kept (not Map.copyOf, whose order changes from one JVM to the
		// next), so the same inventory always gives the same document and fingerprint.
		sections.forEach((name, rows) -> copy.put(name,
				rows.stream().map((row) -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(row))).toList()));
		sections = java.util.Collections.unmodifiableMap(copy);
		accountInfo = List.copyOf(accountInfo);
		downloadHistory = List.copyOf(downloadHistory);
	}

	/** Rows of a section; empty when the agent did not send it. */
	public List<Map<String, String>> rows(String section) {
		return this.sections.getOrDefault(section, List.of());
	}

	/** A field of a single-row section such as HARDWARE or BIOS. */
	public Optional<String> field(String section, String field) {
		return rows(section).stream().findFirst().map((row) -> row.get(field)).filter((value) -> !value.isEmpty());
	}

	public Optional<String> tag() {
		return this.accountInfo.stream()
			.filter((info) -> info.key().equals(AccountInfo.TAG))
			.map(AccountInfo::value)
			.filter((value) -> !value.isEmpty())
			.findFirst();
	}

}
