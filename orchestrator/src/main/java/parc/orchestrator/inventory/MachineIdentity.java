package parc.orchestrator.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an inventory behind an unknown DEVICEID comes from a machine Parc
 * already knows, by the criteria an administrator chose (OCS's AUTO_DUPLICATE_LVL).
 * Hardware facts come first: a candidate is the same machine when one chosen hardware
 * fact (serial, UUID, MAC) agrees and none known on both sides disagrees, so a
 * reinstalled and renamed machine is found by its serial, and two machines sharing a name
 * but not a serial stay two. Only when no chosen hardware fact is known on both sides
 * does the host name decide, which finds a machine an administrator registered by hand.
 *
 * @param hostName the inventory's host name
 * @param serial its system serial number
 * @param uuid its system UUID
 * @param macs its MAC addresses, canonical form
 */
record MachineIdentity(String hostName, String serial, String uuid, Set<String> macs) {

	/** MACs that many machines report and that identify none of them. */
	private static final Set<String> MEANINGLESS_MACS = Set.of("00:00:00:00:00:00", "FF:FF:FF:FF:FF:FF");

	/** Serial numbers that vendors leave in unconfigured firmware. */
	private static final Set<String> MEANINGLESS_SERIALS = Set.of("", "0", "none", "n/a", "not specified",
			"to be filled by o.e.m.", "default string", "system serial number", "0123456789");

	MachineIdentity {
		serial = meaningfulSerial(serial);
		macs = macs.stream()
			.filter((mac) -> !MEANINGLESS_MACS.contains(mac))
			.collect(java.util.stream.Collectors.toSet());
	}

	Optional<InventoryRepository.MatchCandidate> bestMatch(Collection<InventoryRepository.MatchCandidate> candidates,
			Set<DuplicateCriterion> criteria) {
		return candidates.stream().filter((candidate) -> matches(candidate, criteria)).findFirst();
	}

	boolean matches(InventoryRepository.MatchCandidate candidate, Set<DuplicateCriterion> criteria) {
		boolean anyAgreed = false;
		for (DuplicateCriterion criterion : criteria) {
			Boolean agrees = switch (criterion) {
				case HOSTNAME -> null;
				case SERIAL -> compare(this.serial, meaningfulSerial(candidate.serial()));
				case UUID -> compare(this.uuid, candidate.uuid());
				case MAC_ADDRESS -> compareMacs(candidate.macs());
			};
			if (Boolean.FALSE.equals(agrees)) {
				return false;
			}
			anyAgreed |= Boolean.TRUE.equals(agrees);
		}
		if (anyAgreed) {
			return true;
		}
		// No hardware fact to compare (a machine registered by hand, a VM without DMI):
		// the host name decides.
		return criteria.contains(DuplicateCriterion.HOSTNAME)
				&& Boolean.TRUE.equals(compare(this.hostName, candidate.name()));
	}

	/**
	 * @return null when either side does not know the fact
	 */
	private static Boolean compare(String mine, String theirs) {
		if (mine == null || theirs == null || mine.isBlank() || theirs.isBlank()) {
			return null;
		}
		return mine.trim().equalsIgnoreCase(theirs.trim());
	}

	private Boolean compareMacs(List<String> theirs) {
		Set<String> known = theirs.stream()
			.filter((mac) -> mac != null && !MEANINGLESS_MACS.contains(mac.toUpperCase(Locale.ROOT)))
			.map((mac) -> mac.toUpperCase(Locale.ROOT))
			.collect(java.util.stream.Collectors.toSet());
		if (this.macs.isEmpty() || known.isEmpty()) {
			return null;
		}
		return known.stream().anyMatch(this.macs::contains);
	}

	private static String meaningfulSerial(String serial) {
		if (serial == null || MEANINGLESS_SERIALS.contains(serial.trim().toLowerCase(Locale.ROOT))) {
			return null;
		}
		return serial.trim();
	}

}
