package parc.orchestrator.inventory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The searchable facts of one inventory, read from its document: what the
 * {@code machine_inventory} table holds. Numbers the agent writes as text
 * ({@code MEMORY}, {@code PROCESSORS}, a fractional {@code DISKSIZE}) are parsed
 * leniently: text that is not a number becomes null rather than refusing the inventory.
 */
public record InventorySummary(String hostName, String workgroup, String osName, String osVersion, String osComments,
		String architecture, String cpuType, Integer cpuCount, Integer cpuSpeedMhz, Long memoryMb, Long swapMb,
		String ipAddress, String defaultGateway, String dns, String loggedUser, String systemManufacturer,
		String systemModel, String serialNumber, String uuid, String biosVendor, String biosVersion, String biosDate,
		int softwareCount, BigDecimal diskTotalMb, BigDecimal diskFreeMb) {

	private static final Pattern NUMBER = Pattern.compile("-?\\d{1,30}(\\.\\d{1,12})?");

	/**
	 * Larger values are agent nonsense, not machines: they would overflow the columns.
	 */
	private static final BigDecimal MAX_NUMBER = new BigDecimal("1e18");

	static InventorySummary of(InventoryDocument document) {
		Map<String, String> firstCpu = document.cpus().isEmpty() ? Map.of() : document.cpus().get(0);
		String cpuType = first(document.hardwareField("processort"), field(firstCpu, "type"));
		Integer cpuSpeed = firstNonNull(integer(document.hardwareField("processors")),
				integer(field(firstCpu, "speed")), integer(field(firstCpu, "current_speed")));
		Integer cpuCount = firstNonNull(integer(document.hardwareField("processorn")),
				document.cpus().isEmpty() ? null : document.cpus().size());
		String architecture = first(field(firstCpu, "cpuarch"), architectureOf(document.hardwareField("description")));
		String loggedUser = first(document.hardwareField("lastloggeduser"), document.hardwareField("userid"));
		return new InventorySummary(document.hardwareField("name"), document.hardwareField("workgroup"),
				document.hardwareField("osname"), document.hardwareField("osversion"),
				document.hardwareField("oscomments"), architecture, cpuType, cpuCount, cpuSpeed,
				longValue(document.hardwareField("memory")), longValue(document.hardwareField("swap")),
				document.hardwareField("ipaddr"), document.hardwareField("defaultgateway"),
				document.hardwareField("dns"), loggedUser, document.biosField("smanufacturer"),
				document.biosField("smodel"), document.biosField("ssn"), document.hardwareField("uuid"),
				document.biosField("bmanufacturer"), document.biosField("bversion"), document.biosField("bdate"),
				document.software().size(), sum(document.drives(), "total"), sum(document.drives(), "free"));
	}

	/**
	 * The MAC addresses of the network rows, as the agent wrote them, without repeats.
	 */
	static List<String> macAddresses(InventoryDocument document) {
		return document.networks()
			.stream()
			.map((row) -> field(row, "macaddr"))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	/** {@code DESCRIPTION} is {@code <arch>/<uptime>} on Unix (protocol §3.2). */
	private static String architectureOf(String description) {
		if (description == null) {
			return null;
		}
		int slash = description.indexOf('/');
		return (slash > 0) ? description.substring(0, slash) : null;
	}

	static String field(Map<String, String> row, String name) {
		return InventoryDocument.blankToNull(row.get(name));
	}

	static Integer integer(String text) {
		Long value = longValue(text);
		return (value != null && value <= Integer.MAX_VALUE && value >= Integer.MIN_VALUE) ? value.intValue() : null;
	}

	static Long longValue(String text) {
		BigDecimal number = decimal(text);
		try {
			return (number != null) ? number.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact() : null;
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	/**
	 * Leading number of the text: {@code "2400"}, {@code "274877.906944"},
	 * {@code "1000 Mbps"}.
	 */
	static BigDecimal decimal(String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = NUMBER.matcher(text.trim());
		if (!matcher.lookingAt()) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(matcher.group());
			return (value.abs().compareTo(MAX_NUMBER) <= 0) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static BigDecimal sum(List<Map<String, String>> rows, String field) {
		BigDecimal total = null;
		for (Map<String, String> row : rows) {
			BigDecimal value = decimal(row.get(field));
			if (value != null) {
				total = (total != null) ? total.add(value) : value;
			}
		}
		return total;
	}

	private static String first(String... values) {
		for (String value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	@SafeVarargs
	private static <T> T firstNonNull(T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
