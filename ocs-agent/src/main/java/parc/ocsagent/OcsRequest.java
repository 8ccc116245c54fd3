package parc.ocsagent;

/**
 * A decoded agent request, one type per {@code QUERY} (protocol §1.1). Every request
 * carries the agent's DEVICEID except {@link Update}, which the reference server never
 * checks.
 */
public sealed interface OcsRequest permits OcsRequest.Prolog, OcsRequest.Inventory, OcsRequest.DownloadReport,
		OcsRequest.Snmp, OcsRequest.Update, OcsRequest.Notify {

	/** "May I send an inventory, and what else should I do?" (§2.1). */
	record Prolog(String deviceId) implements OcsRequest {
	}

	/** A full inventory (§3). */
	record Inventory(String deviceId, InventoryContent content) implements OcsRequest {
	}

	/**
	 * The outcome of a package deployment (§4.7), e.g. {@code SUCCESS},
	 * {@code SUCCESS_3}, {@code ERR_BAD_DIGEST}; kept as the opaque string the agent sent
	 * ({@code UNKNOWN_CODE} when empty).
	 */
	record DownloadReport(String deviceId, String packageId, String result) implements OcsRequest {
	}

	/** SNMP scan results (§6.1); accepted and, today, not stored. */
	record Snmp(String deviceId, XmlElement content) implements OcsRequest {
	}

	/**
	 * A Windows agent asking for a newer agent (§6.2); always answered {@code NO_UPDATE}.
	 */
	record Update(String platform, String agentVersion) implements OcsRequest {
	}

	/** A Windows agent notifying an address change (§6.2); acknowledged, not stored. */
	record Notify(String deviceId) implements OcsRequest {
	}

}
