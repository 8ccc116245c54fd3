package parc.ocsagent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a raw POST body from {@code /ocsinventory} into a typed {@link OcsRequest}:
 * framing removed ({@link OcsBodyCodec}), XML parsed safely ({@link OcsXmlReader}),
 * fields checked. Thread-safe.
 */
public final class OcsRequestDecoder {

	/**
	 * The reference server's DEVICEID check (protocol §2.1), with a length cap of our
	 * own.
	 */
	private static final Pattern DEVICE_ID = Pattern.compile(".+-\\d{4}(?:-\\d{2}){5}",
			Pattern.UNICODE_CHARACTER_CLASS);

	static final int MAX_DEVICE_ID_LENGTH = 255;

	/** The field that holds the text of a section that has only text. */
	static final String TEXT_FIELD = "VALUE";

	private static final Pattern PACKAGE_ID = Pattern.compile("\\d{1,19}");

	private final OcsBodyCodec bodies;

	private final OcsXmlReader xml;

	public OcsRequestDecoder(OcsBodyCodec bodies, OcsXmlReader xml) {
		this.bodies = bodies;
		this.xml = xml;
	}

	/**
	 * Limits fit for the Unix agent's real inventories, with a wide margin (the
	 * 802-package fixture is 321 KB).
	 */
	public static OcsRequestDecoder withDefaultLimits() {
		return new OcsRequestDecoder(new OcsBodyCodec(32L * 1024 * 1024), new OcsXmlReader(500_000, 1024 * 1024));
	}

	/**
	 * @throws OcsProtocolException for anything an agent should get a 4xx for
	 */
	public ReceivedRequest decode(byte[] body) {
		DecodedBody decoded = this.bodies.decode(body);
		XmlElement root = this.xml.read(decoded.xml());
		try {
			return new ReceivedRequest(decoded.format(), toRequest(root));
		}
		catch (OcsProtocolException ex) {
			throw root.value("DEVICEID").filter(OcsRequestDecoder::isPlausibleDeviceId).map(ex::naming).orElse(ex);
		}
	}

	private static OcsRequest toRequest(XmlElement root) {
		String query = root.value("QUERY")
			.orElseThrow(() -> new OcsProtocolException(OcsProtocolException.Reason.BAD_REQUEST, "No QUERY"));
		return switch (query) {
			case "PROLOG" -> new OcsRequest.Prolog(deviceId(root));
			case "INVENTORY" -> new OcsRequest.Inventory(deviceId(root), inventory(root));
			case "DOWNLOAD" -> downloadReport(root);
			case "SNMP" -> new OcsRequest.Snmp(deviceId(root), root.first("CONTENT").orElse(null));
			case "UPDATE" -> new OcsRequest.Update(root.value("PLATFORM").orElse(""), root.value("AGENT").orElse(""));
			case "NOTIFY" -> new OcsRequest.Notify(deviceId(root));
			default -> throw new OcsProtocolException(OcsProtocolException.Reason.UNKNOWN_QUERY,
					"Unknown QUERY '" + abbreviate(query) + "'");
		};
	}

	static String deviceId(XmlElement root) {
		String deviceId = root.value("DEVICEID")
			.orElseThrow(() -> new OcsProtocolException(OcsProtocolException.Reason.BAD_DEVICE_ID, "No DEVICEID"));
		if (deviceId.length() > MAX_DEVICE_ID_LENGTH) {
			throw new OcsProtocolException(OcsProtocolException.Reason.BAD_DEVICE_ID,
					"DEVICEID longer than " + MAX_DEVICE_ID_LENGTH + " characters");
		}
		if (!DEVICE_ID.matcher(deviceId).matches() || deviceId.chars().anyMatch(Character::isISOControl)) {
			throw new OcsProtocolException(OcsProtocolException.Reason.BAD_DEVICE_ID,
					"DEVICEID '" + abbreviate(deviceId) + "' is not of the form host-YYYY-MM-DD-hh-mm-ss");
		}
		return deviceId;
	}

	private static InventoryContent inventory(XmlElement root) {
		XmlElement content = root.first("CONTENT")
			.orElseThrow(() -> new OcsProtocolException(OcsProtocolException.Reason.BAD_REQUEST,
					"INVENTORY without CONTENT"));
		Map<String, List<Map<String, String>>> sections = new LinkedHashMap<>();
		List<AccountInfo> accountInfo = new ArrayList<>();
		List<String> downloadHistory = new ArrayList<>();
		List<String> oldDeviceIds = new ArrayList<>();
		for (XmlElement section : content.children()) {
			switch (section.name()) {
				case "ACCOUNTINFO" -> section.value("KEYNAME")
					.ifPresent((key) -> accountInfo.add(new AccountInfo(key, section.value("KEYVALUE").orElse(""))));
				case "OLD_DEVICEID" -> oldDeviceIds.add(section.text());
				case "DOWNLOAD" -> section.all("HISTORY").forEach((history) -> {
					history.all("PACKAGE").forEach((pkg) -> pkg.value("ID").ifPresent(downloadHistory::add));
					// The Windows agent writes OLD_DEVICEID where its XML cursor stands:
					// inside the history. The reference server reads it there too.
					history.value("OLD_DEVICEID").ifPresent(oldDeviceIds::add);
				});
				case "IPDISCOVER" -> section.all("H")
					.forEach((host) -> sections.computeIfAbsent("IPDISCOVER", (name) -> new ArrayList<>())
						.add(fields(host)));
				default -> sections.computeIfAbsent(section.name(), (name) -> new ArrayList<>()).add(fields(section));
			}
		}
		String oldDeviceId = oldDeviceIds.stream()
			.filter(OcsRequestDecoder::isPlausibleDeviceId)
			.findFirst()
			.orElse(null);
		return new InventoryContent(sections, accountInfo, downloadHistory, oldDeviceId);
	}

	/**
	 * An OLD_DEVICEID only links to a machine Parc already has under that DEVICEID, so it
	 * is not refused for its form: one that cannot be a DEVICEID is ignored.
	 */
	private static boolean isPlausibleDeviceId(String deviceId) {
		return !deviceId.isEmpty() && deviceId.length() <= MAX_DEVICE_ID_LENGTH
				&& deviceId.chars().noneMatch(Character::isISOControl);
	}

	/**
	 * One row: attributes and child texts. Agents other than the Unix one nest fields
	 * ({@code OPERATINGSYSTEM/TIMEZONE/NAME}, kept as {@code TIMEZONE.NAME}), repeat one
	 * inside a row ({@code VERSIONPROVIDER/PERL_MODULE}, values joined with {@code ", "})
	 * or give a section text only ({@code VERSIONCLIENT}, kept as {@code VALUE}): all of
	 * it is kept, nothing an agent sent is dropped for its shape.
	 */
	private static Map<String, String> fields(XmlElement row) {
		Map<String, String> fields = new LinkedHashMap<>(row.attributes());
		if (row.children().isEmpty() && !row.text().isEmpty()) {
			fields.putIfAbsent(TEXT_FIELD, row.text());
		}
		for (XmlElement field : row.children()) {
			addField(fields, field.name(), field);
		}
		return fields;
	}

	private static void addField(Map<String, String> fields, String name, XmlElement field) {
		if (field.children().isEmpty()) {
			fields.merge(name, field.text(),
					(kept, next) -> kept.isEmpty() ? next : next.isEmpty() ? kept : kept + ", " + next);
			return;
		}
		field.attributes().forEach((attribute, value) -> fields.putIfAbsent(name + "." + attribute, value));
		for (XmlElement child : field.children()) {
			addField(fields, name + "." + child.name(), child);
		}
	}

	/**
	 * Reports come as attributes with no XML declaration from the Unix agent, as children
	 * from others (§4.7).
	 */
	private static OcsRequest downloadReport(XmlElement root) {
		String packageId = root.value("ID")
			.filter((id) -> PACKAGE_ID.matcher(id).matches())
			.orElseThrow(() -> new OcsProtocolException(OcsProtocolException.Reason.BAD_REQUEST,
					"DOWNLOAD report without a numeric package ID"));
		return new OcsRequest.DownloadReport(deviceId(root), packageId, root.value("ERR").orElse("UNKNOWN_CODE"));
	}

	private static String abbreviate(String text) {
		return (text.length() > 64) ? text.substring(0, 64) + "..." : text;
	}

}
