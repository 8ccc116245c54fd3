package parc.orchestrator.machine;

import java.util.Locale;
import java.util.Optional;

import inet.ipaddr.MACAddressString;
import inet.ipaddr.mac.MACAddress;

/**
 * Reads MAC addresses as administrators and agents write them and gives them one
 * canonical form, {@code AA:BB:CC:DD:EE:FF}, so that the same card is never registered
 * twice under two spellings. Parsing is the ipaddress library's; only 48-bit addresses
 * are accepted (Wake-on-LAN and OCS use no other).
 */
public final class MacAddresses {

	private MacAddresses() {
	}

	/**
	 * @return the canonical form, or empty when the text is not one 48-bit MAC address
	 */
	public static Optional<String> normalise(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		MACAddress address = new MACAddressString(text.trim()).getAddress();
		if (address == null || address.isMultiple() || address.getSegmentCount() != 6) {
			return Optional.empty();
		}
		return Optional.of(address.toColonDelimitedString().toUpperCase(Locale.ROOT));
	}

}
