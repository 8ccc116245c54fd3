package parc.orchestrator.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A machine's administrative data: its TAG and the values of administrator-defined fields
 * by key.
 *
 * @param tag the TAG, or null
 * @param fields values by admin field key; keys without a value are absent
 */
public record AdminData(String tag, Map<String, String> fields) {

	public AdminData {
		tag = InventoryDocument.blankToNull(tag);
		Map<String, String> copy = new TreeMap<>();
		if (fields != null) {
			fields.forEach((key, value) -> {
				if (InventoryDocument.blankToNull(value) != null) {
					copy.put(key, value.trim());
				}
			});
		}
		fields = java.util.Collections.unmodifiableMap(copy);
	}

	public static AdminData empty() {
		return new AdminData(null, Map.of());
	}

	/** As agents receive it: the TAG first, then each field with a value. */
	public List<AccountValue> asAccountInfo() {
		List<AccountValue> values = new ArrayList<>();
		if (this.tag != null) {
			values.add(new AccountValue(AccountValue.TAG, this.tag));
		}
		this.fields.forEach((key, value) -> values.add(new AccountValue(key, value)));
		return values;
	}

}
