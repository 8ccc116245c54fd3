package parc.ocsagent;

/**
 * One administrative field exchanged with the agent (protocol §3.4): {@code TAG}, or an
 * admin-defined field.
 *
 * @param key the KEYNAME
 * @param value the KEYVALUE, empty when the agent sent none
 */
public record AccountInfo(String key, String value) {

	public static final String TAG = "TAG";

}
