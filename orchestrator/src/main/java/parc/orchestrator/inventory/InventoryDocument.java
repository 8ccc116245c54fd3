package parc.orchestrator.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One complete inventory of a machine, in Parc's model, whatever channel produced it. The
 * sections and their field names are those of the OCS agent (protocol §3.2), in lower
 * case ({@code software[].name}, {@code networks[].ipaddress}), so nothing an agent sends
 * is lost and OCS users find their fields; agentless collection fills the same names. The
 * JSON names are a public contract of {@code GET /api/machines/{id}/inventory}.
 *
 * @param hardware the HARDWARE section (host name, OS, memory, IP...)
 * @param bios the BIOS section (vendor, serial...); empty when the machine has no DMI
 * @param cpus processors
 * @param memories memory slots
 * @param storages physical disks
 * @param drives file systems (on Unix, {@code type} is the mount point)
 * @param networks one row per interface and address
 * @param software installed packages or programs
 * @param videos graphics adapters
 * @param monitors screens
 * @param printers printers
 * @param users currently logged-in users
 * @param localUsers accounts defined on the machine
 * @param localGroups groups defined on the machine
 * @param otherSections every other section the agent sent (controllers, slots, USB
 * devices, repositories, running processes...), by lower-case OCS name
 * @param accountInfo the administrative fields the agent sent (TAG...)
 * @param downloadHistory IDs of the packages the agent reports as installed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InventoryDocument(Map<String, String> hardware, Map<String, String> bios, List<Map<String, String>> cpus,
		List<Map<String, String>> memories, List<Map<String, String>> storages, List<Map<String, String>> drives,
		List<Map<String, String>> networks, List<Map<String, String>> software, List<Map<String, String>> videos,
		List<Map<String, String>> monitors, List<Map<String, String>> printers, List<Map<String, String>> users,
		List<Map<String, String>> localUsers, List<Map<String, String>> localGroups,
		Map<String, List<Map<String, String>>> otherSections, List<AccountValue> accountInfo,
		List<String> downloadHistory) {

	public InventoryDocument {
		hardware = copy(hardware);
		bios = copy(bios);
		cpus = rows(cpus);
		memories = rows(memories);
		storages = rows(storages);
		drives = rows(drives);
		networks = rows(networks);
		software = rows(software);
		videos = rows(videos);
		monitors = rows(monitors);
		printers = rows(printers);
		users = rows(users);
		localUsers = rows(localUsers);
		localGroups = rows(localGroups);
		Map<String, List<Map<String, String>>> others = new LinkedHashMap<>();
		if (otherSections != null) {
			otherSections.forEach((name, sectionRows) -> others.put(name, rows(sectionRows)));
		}
		otherSections = java.util.Collections.unmodifiableMap(others);
		accountInfo = (accountInfo != null) ? List.copyOf(accountInfo) : List.of();
		downloadHistory = (downloadHistory != null) ? List.copyOf(downloadHistory) : List.of();
	}

	/** A HARDWARE field, or null when absent or empty. */
	public String hardwareField(String field) {
		return blankToNull(this.hardware.get(field));
	}

	/** A BIOS field, or null when absent or empty. */
	public String biosField(String field) {
		return blankToNull(this.bios.get(field));
	}

	/** The TAG the agent sent, or null. */
	public String tag() {
		return this.accountInfo.stream()
			.filter((value) -> AccountValue.TAG.equals(value.key()))
			.map(AccountValue::value)
			.map(InventoryDocument::blankToNull)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	private static Map<String, String> copy(Map<String, String> fields) {
		return (fields != null) ? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields)) : Map.of();
	}

	private static List<Map<String, String>> rows(List<Map<String, String>> rows) {
		return (rows != null) ? rows.stream().map(InventoryDocument::copy).toList() : List.of();
	}

}
