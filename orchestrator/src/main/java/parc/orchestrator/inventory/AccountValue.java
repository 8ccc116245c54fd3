package parc.orchestrator.inventory;

/**
 * One administrative value exchanged with an agent (OCS's ACCOUNTINFO, protocol §3.4):
 * the {@code TAG}, or an administrator-defined field by its key.
 *
 * @param key {@code TAG} or an admin field's key
 * @param value the value, possibly empty
 */
public record AccountValue(String key, String value) {

	public static final String TAG = "TAG";

	public AccountValue {
		value = (value != null) ? value : "";
	}

}
