package parc.routes.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The requests captured from the real agent 2.10 (ocs-agent's test fixtures), turned into
 * other machines by replacing their DEVICEID, host name and MAC addresses.
 */
final class OcsPayloads {

	static final String FIXTURE_DEVICE_ID = "vm-2026-11-22-14-34-14";

	static final int FIXTURE_SOFTWARE_COUNT = 802;

	private static final String INVENTORY = read("fixtures/ocs/inventory-request.xml");

	private static final String PROLOG = read("fixtures/ocs/prolog-request.xml");

	private OcsPayloads() {
	}

	/** The captured inventory as it was sent. */
	static String capturedInventory() {
		return INVENTORY;
	}

	/** The captured inventory from another machine: its own DEVICEID, name and MACs. */
	static String inventoryOf(String hostName, int number) {
		String mac = String.format("02:00:00:%02x:%02x:", (number >> 8) & 0xff, number & 0xff);
		return INVENTORY.replace(FIXTURE_DEVICE_ID, deviceId(hostName))
			.replace("<NAME>vm</NAME>", "<NAME>" + hostName + "</NAME>")
			.replaceAll("<MACADDR>[0-9a-fA-F:]{15}([0-9a-fA-F]{2})</MACADDR>", "<MACADDR>" + mac + "$1</MACADDR>");
	}

	static String prologOf(String hostName) {
		return PROLOG.replace(PROLOG.substring(PROLOG.indexOf("<DEVICEID>") + 10, PROLOG.indexOf("</DEVICEID>")),
				deviceId(hostName));
	}

	static String deviceId(String hostName) {
		return hostName + "-2026-11-22-14-34-14";
	}

	private static String read(String resource) {
		try (InputStream in = OcsPayloads.class.getClassLoader().getResourceAsStream(resource)) {
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
