package parc.orchestrator.inventory;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A machine's inventory was stored with new content: the addresses and masks of its
 * network cards, from which the networks it sits on are learned. Published inside the
 * storing transaction.
 *
 * @param machineId the machine
 * @param cards its cards that have an address
 */
public record MachineNetworksReported(long machineId, List<Card> cards) {

	static MachineNetworksReported of(long machineId, InventoryDocument document) {
		List<Card> cards = (document.networks() == null) ? List.of()
				: document.networks()
					.stream()
					.filter((row) -> field(row, "ipaddress") != null)
					.map((row) -> new Card(field(row, "ipaddress"), field(row, "ipmask"), field(row, "macaddr")))
					.toList();
		return new MachineNetworksReported(machineId, cards);
	}

	private static String field(Map<String, String> row, String name) {
		String value = row.get(name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * @param address as the inventory gives it
	 * @param mask dotted (255.255.255.0), or a prefix length; null when not reported
	 * @param mac as the inventory gives it
	 */
	public record Card(String address, String mask, String mac) {

		public Card {
			Objects.requireNonNull(address);
		}

	}

}
