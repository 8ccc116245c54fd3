package parc.orchestrator.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import parc.orchestrator.inventory.SectionPlan.SnapshotHead;

/**
 * Keeps each inventory as its sections ({@link InventorySections}), each deflated JSON
 * with a {@link SectionFingerprint}, and reads them back as documents. A kept inventory
 * shares the sections that did not change with the one before it; inventories kept whole
 * as JSONB by an older Parc are still read.
 */
@Component
class InventorySnapshotStore {

	private final InventoryRepository repository;

	private final ObjectMapper json;

	private final Map<InventorySections.Kind, JavaType> types;

	InventorySnapshotStore(InventoryRepository repository, ObjectMapper json) {
		this.repository = repository;
		this.json = json;
		this.types = Map.of(InventorySections.Kind.FIELDS,
				json.getTypeFactory().constructType(new TypeReference<Map<String, String>>() {
				}), InventorySections.Kind.ROWS,
				json.getTypeFactory().constructType(new TypeReference<List<Map<String, String>>>() {
				}), InventorySections.Kind.ACCOUNT_VALUES,
				json.getTypeFactory().constructType(new TypeReference<List<AccountValue>>() {
				}), InventorySections.Kind.IDS, json.getTypeFactory().constructType(new TypeReference<List<String>>() {
				}));
	}

	/**
	 * The document's sections with their fingerprints, and the whole one's. Fingerprints
	 * are taken from the values themselves rather than from their JSON: a repeat
	 * inventory writes few sections, so most are never turned into JSON at all.
	 */
	EncodedInventory encode(InventoryDocument document) {
		Map<String, EncodedSection> sections = new LinkedHashMap<>();
		MessageDigest whole = sha256();
		InventorySections.of(document).forEach((name, value) -> {
			String fingerprint = SectionFingerprint.of(value);
			sections.put(name, new EncodedSection(value, fingerprint));
			whole.update((name + '\u0000' + fingerprint + '\n').getBytes(StandardCharsets.UTF_8));
		});
		return new EncodedInventory(sections, HexFormat.of().formatHex(whole.digest()));
	}

	/** The machine's latest kept inventory, as far as deciding what to write goes. */
	Optional<SnapshotHead> head(long machineId) {
		return this.repository.head(machineId);
	}

	/**
	 * Keeps a new inventory: writes the sections the plan does not keep and records the
	 * inventory as the set of its sections.
	 * @return the new inventory's id
	 */
	long keep(long machineId, InventoryReport report, Instant at, EncodedInventory incoming, SectionPlan plan) {
		Map<String, Long> ids = new LinkedHashMap<>();
		List<InventoryRepository.NewSection> written = new ArrayList<>();
		incoming.sections().forEach((name, section) -> {
			if (!plan.kept().containsKey(name)) {
				written.add(new InventoryRepository.NewSection(name, section.fingerprint(),
						DeflatedBytes.deflate(write(section.value()))));
			}
		});
		List<Long> newIds = this.repository.insertSections(machineId, written);
		for (int i = 0; i < written.size(); i++) {
			ids.put(written.get(i).name(), newIds.get(i));
		}
		ids.putAll(plan.kept());
		return this.repository.insertSnapshot(machineId, report, at, incoming.hash(),
				new String(write(ids), StandardCharsets.UTF_8));
	}

	/**
	 * The named sections of a kept inventory, as a document whose other sections are
	 * empty.
	 */
	InventoryDocument sections(SnapshotHead head, Collection<String> names) {
		Map<String, Long> ids = new LinkedHashMap<>();
		names.forEach((name) -> {
			SnapshotHead.StoredSection stored = head.sections().get(name);
			if (stored != null) {
				ids.put(name, stored.id());
			}
		});
		return read(ids);
	}

	/** A machine's latest kept inventory, whole. */
	Optional<KeptInventory> latest(long machineId) {
		return this.repository.latest(machineId).map((snapshot) -> new KeptInventory(snapshot, document(snapshot)));
	}

	/** The whole document of the kept inventory a head describes. */
	InventoryDocument document(SnapshotHead head) {
		return this.repository.snapshot(head.snapshotId())
			.map(this::document)
			.orElseThrow(() -> new IllegalStateException("Inventory " + head.snapshotId() + " is no longer kept"));
	}

	private InventoryDocument document(InventoryRepository.StoredSnapshot snapshot) {
		if (snapshot.sectionsJson() != null) {
			return read(readValue(snapshot.sectionsJson().getBytes(StandardCharsets.UTF_8),
					this.json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Long.class)));
		}
		return readValue(snapshot.documentJson().getBytes(StandardCharsets.UTF_8),
				this.json.getTypeFactory().constructType(InventoryDocument.class));
	}

	private InventoryDocument read(Map<String, Long> ids) {
		Map<Long, byte[]> contents = this.repository.sectionContents(ids.values());
		Map<String, Object> sections = new LinkedHashMap<>();
		ids.forEach((name, id) -> {
			byte[] content = contents.get(id);
			if (content == null) {
				throw new IllegalStateException("Stored inventory section " + id + " (" + name + ") is missing");
			}
			sections.put(name, readValue(DeflatedBytes.inflate(content), this.types.get(InventorySections.kind(name))));
		});
		return InventorySections.document(sections);
	}

	private <T> T readValue(byte[] bytes, JavaType type) {
		try {
			return this.json.readValue(bytes, type);
		}
		catch (IOException ex) {
			throw new IllegalStateException("A stored inventory is not readable", ex);
		}
	}

	private byte[] write(Object value) {
		try {
			return this.json.writeValueAsBytes(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("An inventory could not be written as JSON", ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/**
	 * A section's value, as {@link InventorySections#of} gives it, and its fingerprint.
	 */
	record EncodedSection(Object value, String fingerprint) {
	}

	/**
	 * An inventory's sections, and its hash: that of its sections' names and
	 * fingerprints, equal for equal documents.
	 */
	record EncodedInventory(Map<String, EncodedSection> sections, String hash) {

		Map<String, String> fingerprints() {
			Map<String, String> fingerprints = new LinkedHashMap<>();
			this.sections.forEach((name, section) -> fingerprints.put(name, section.fingerprint()));
			return fingerprints;
		}

	}

	/** A kept inventory and its document. */
	record KeptInventory(InventoryRepository.StoredSnapshot snapshot, InventoryDocument document) {
	}

}
