package parc.ocsagent.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DeflaterOutputStream;

/**
 * The requests the real Debian {@code ocsinventory-agent} 2.10 sent
 * ({@code fixtures/ocs/}), and the same inventory as other machines: each gets its own
 * DEVICEID, host name and MAC addresses, so Parc files it under a machine of its own.
 */
public final class CapturedAgentPayloads {

	/** The DEVICEID in the captured requests. */
	public static final String CAPTURED_DEVICE_ID = "vm-2026-11-22-14-34-14";

	/** How many SOFTWARES rows the captured inventory holds. */
	public static final int CAPTURED_SOFTWARE_COUNT = 802;

	private static final String INVENTORY = read("fixtures/ocs/inventory-request.xml");

	private static final Pattern MAC = Pattern.compile("<MACADDR>[0-9a-f:]{17}</MACADDR>");

	private CapturedAgentPayloads() {
	}

	/** The captured inventory, as sent. */
	public static String capturedInventory() {
		return INVENTORY;
	}

	/**
	 * The captured inventory as machine {@code hostName}: DEVICEID
	 * {@code <hostName>-2026-11-22-14-34-14}, HARDWARE/NAME {@code hostName}, and MACs
	 * {@code 02:<n>:<number>} that no other number shares.
	 */
	public static String inventoryOf(String hostName, int number) {
		String xml = INVENTORY.replace(CAPTURED_DEVICE_ID, deviceId(hostName))
			.replace("<NAME>vm</NAME>", "<NAME>" + hostName + "</NAME>");
		Matcher macs = MAC.matcher(xml);
		StringBuilder out = new StringBuilder();
		int card = 0;
		while (macs.find()) {
			macs.appendReplacement(out, String.format("<MACADDR>02:%02x:%02x:%02x:%02x:%02x</MACADDR>", card++ & 0xff,
					(number >> 24) & 0xff, (number >> 16) & 0xff, (number >> 8) & 0xff, number & 0xff));
		}
		macs.appendTail(out);
		return out.toString();
	}

	/** A PROLOG as the agent sends it, for machine {@code hostName}. */
	public static String prologOf(String hostName) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REQUEST>\n  <DEVICEID>" + deviceId(hostName)
				+ "</DEVICEID>\n  <QUERY>PROLOG</QUERY>\n</REQUEST>\n";
	}

	public static String deviceId(String hostName) {
		return hostName + "-2026-11-22-14-34-14";
	}

	/**
	 * As the agent frames a body: Compress::Zlib::compress, a zlib stream (protocol
	 * §1.3).
	 */
	public static byte[] zlib(String xml) {
		return zlib(xml.getBytes(StandardCharsets.UTF_8));
	}

	/** The same for bytes that need not be valid UTF-8 (hostile bodies). */
	public static byte[] zlib(byte[] xml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream zlib = new DeflaterOutputStream(out)) {
			zlib.write(xml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String read(String resource) {
		try (InputStream in = CapturedAgentPayloads.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(
						resource + " is missing: ocs-agent's test-jar must be on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
