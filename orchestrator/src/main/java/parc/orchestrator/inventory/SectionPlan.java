package parc.orchestrator.inventory;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import parc.orchestrator.inventory.InventorySections.AgentChecksum;

/**
 * Which sections of an incoming inventory Parc writes and which it keeps as stored. A
 * section is kept when the previous inventory came from the same agent (or the same
 * channel) and holds the same content, by fingerprint: the agent's CHECKSUM is read, not
 * trusted, so a section it calls unchanged but that differs from what Parc holds (after a
 * restore of Parc's database, say) is still written. A section the agent calls unchanged
 * and did not send at all is kept. Anything else, a first inventory, an inventory kept
 * whole by an older Parc, another agent's or another channel's, is written in full.
 *
 * @param continuing whether the previous inventory is one this one can be compared with
 * section by section
 * @param changed sections whose content differs from the previous inventory's, including
 * those the previous one had and this one drops; every section when not continuing
 * @param kept sections whose stored copy stays, by name, with its stored id
 * @param carried the kept sections that this inventory did not send (the agent said they
 * had not changed)
 * @param unflagged changed sections the agent's CHECKSUM called unchanged
 */
record SectionPlan(boolean continuing, Set<String> changed, Map<String, Long> kept, Set<String> carried,
		Set<String> unflagged) {

	static SectionPlan of(InventoryReport report, Map<String, String> fingerprints, Optional<SnapshotHead> previous,
			Optional<AgentChecksum> checksum) {
		if (previous.isEmpty() || !previous.get().comparableWith(report)) {
			return new SectionPlan(false, Set.copyOf(fingerprints.keySet()), Map.of(), Set.of(), Set.of());
		}
		Map<String, SnapshotHead.StoredSection> stored = previous.get().sections();
		Set<String> changed = new LinkedHashSet<>();
		Map<String, Long> kept = new LinkedHashMap<>();
		Set<String> carried = new LinkedHashSet<>();
		Set<String> unflagged = new LinkedHashSet<>();
		fingerprints.forEach((name, fingerprint) -> {
			SnapshotHead.StoredSection before = stored.get(name);
			if (before != null && before.fingerprint().equals(fingerprint)) {
				kept.put(name, before.id());
			}
			else {
				changed.add(name);
				if (before != null && checksum.isPresent() && checksum.get().saysUnchanged(name)) {
					unflagged.add(name);
				}
			}
		});
		stored.forEach((name, before) -> {
			if (!fingerprints.containsKey(name)) {
				if (checksum.isPresent() && checksum.get().saysUnchanged(name)) {
					kept.put(name, before.id());
					carried.add(name);
				}
				else {
					changed.add(name);
				}
			}
		});
		return new SectionPlan(true, changed, kept, carried, unflagged);
	}

	/** Whether the section's searchable rows (or summary) must be rebuilt. */
	boolean rewrites(String section) {
		return !this.continuing || this.changed.contains(section);
	}

	/**
	 * What Parc held of a machine's latest inventory before this one: where it came from
	 * and, unless it was kept whole by an older Parc, its sections.
	 *
	 * @param snapshotId its id
	 * @param source the channel that produced it
	 * @param deviceId the agent's DEVICEID, null for other channels
	 * @param sections its sections by name; null when it is kept as one whole document
	 */
	record SnapshotHead(long snapshotId, InventorySource source, String deviceId, Map<String, StoredSection> sections) {

		boolean comparableWith(InventoryReport report) {
			return this.sections != null && this.source == report.source()
					&& Objects.equals(this.deviceId, report.deviceId());
		}

		/** A stored section: its row and the fingerprint of its content. */
		record StoredSection(long id, String fingerprint) {
		}

	}

}
