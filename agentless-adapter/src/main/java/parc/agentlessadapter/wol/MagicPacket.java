package parc.agentlessadapter.wol;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A Wake-on-LAN magic packet: six {@code 0xFF} bytes, the target's MAC address sixteen
 * times, then the optional six-byte SecureOn password (AMD's "Magic Packet Technology"
 * white paper). Immutable.
 */
public final class MagicPacket {

	private static final int MAC_REPEATS = 16;

	private final byte[] bytes;

	private MagicPacket(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * @param mac the target's MAC, as {@code AA:BB:CC:DD:EE:FF}, {@code aa-bb-..} or 12
	 * hex digits
	 * @param secureOnPassword six bytes in the same notations, or null for none
	 * @throws IllegalArgumentException when either is not six bytes of hex
	 */
	public static MagicPacket of(String mac, String secureOnPassword) {
		byte[] target = sixBytes(mac, "MAC address");
		byte[] password = (secureOnPassword != null && !secureOnPassword.isBlank())
				? sixBytes(secureOnPassword, "SecureOn password") : new byte[0];
		byte[] packet = new byte[6 + MAC_REPEATS * 6 + password.length];
		Arrays.fill(packet, 0, 6, (byte) 0xFF);
		for (int i = 0; i < MAC_REPEATS; i++) {
			System.arraycopy(target, 0, packet, 6 + i * 6, 6);
		}
		System.arraycopy(password, 0, packet, 6 + MAC_REPEATS * 6, password.length);
		return new MagicPacket(packet);
	}

	/** The datagram's payload: 102 bytes, or 108 with a SecureOn password. */
	public byte[] bytes() {
		return this.bytes.clone();
	}

	private static byte[] sixBytes(String text, String what) {
		String hex = (text == null) ? "" : text.trim().replaceAll("[:\\-.]", "").toLowerCase(Locale.ROOT);
		if (!hex.matches("[0-9a-f]{12}")) {
			throw new IllegalArgumentException(what + " must be six bytes of hex such as AA:BB:CC:DD:EE:FF");
		}
		return HexFormat.of().parseHex(hex);
	}

}
