package parc.orchestrator.inventory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import parc.orchestrator.machine.MachineService;

/**
 * Offline inventories: {@code .ocs} and {@code .xml} files uploaded in the console or the
 * API, or dropped into the watched folder. Each file is stored on its own, so one bad
 * file never undoes the others, and each gets a result that is kept for the import page.
 */
@Service
public class InventoryImportService {

	private static final Logger log = LoggerFactory.getLogger(InventoryImportService.class);

	/** The largest file accepted, compressed or not. */
	public static final int MAX_FILE_BYTES = 32 * 1024 * 1024;

	private final ObjectProvider<InventoryFileGateway> files;

	private final InventoryService inventories;

	private final MachineService machines;

	private final JdbcClient jdbc;

	private final Clock clock;

	InventoryImportService(ObjectProvider<InventoryFileGateway> files, InventoryService inventories,
			MachineService machines, JdbcClient jdbc, Optional<Clock> clock) {
		this.files = files;
		this.inventories = inventories;
		this.machines = machines;
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Reads and stores one file; never throws for a bad file, which comes back
	 * {@code REJECTED} with the reason.
	 */
	/**
	 * Records the refusal of a file too large to be read at all, so that a huge upload
	 * leaves a result instead of being loaded into memory.
	 */
	public InventoryImportResult rejectTooLarge(String fileName, long size, InventoryImportResult.Channel channel,
			String importedBy) {
		return rejected(displayName(fileName), channel,
				"larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB (" + size + " bytes)", importedBy);
	}

	public InventoryImportResult importFile(String fileName, byte[] content, InventoryImportResult.Channel channel,
			String importedBy) {
		String name = displayName(fileName);
		InventoryImportResult result;
		try {
			if (content.length > MAX_FILE_BYTES) {
				throw new InvalidInventoryFileException("larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
			}
			InventoryFileGateway reader = this.files.getIfAvailable();
			if (reader == null) {
				throw new IllegalStateException("No inventory file reader: the routes module is not deployed");
			}
			InventoryStored stored = this.inventories.store(reader.read(name, content));
			InventoryImportResult.Status status = switch (stored.outcome()) {
				case FIRST -> stored.machineCreated() ? InventoryImportResult.Status.IMPORTED
						: InventoryImportResult.Status.UPDATED;
				case UPDATED -> InventoryImportResult.Status.UPDATED;
				case UNCHANGED -> InventoryImportResult.Status.UNCHANGED;
			};
			result = new InventoryImportResult(name, channel, status, stored.machineId(),
					this.machines.get(stored.machineId()).name(), null, importedBy, this.clock.instant());
		}
		catch (InvalidInventoryFileException ex) {
			result = rejected(name, channel, ex.getMessage(), importedBy);
		}
		catch (RuntimeException ex) {
			// A database refusal of this one file (a value PostgreSQL cannot hold) must
			// not
			// stop the others; the log keeps the details.
			log.warn("Inventory file {} could not be stored", name, ex);
			result = rejected(name, channel, "could not be stored: " + ex.getClass().getSimpleName(), importedBy);
		}
		record(result);
		return result;
	}

	/** The latest results, newest first. */
	public List<InventoryImportResult> recent(int limit) {
		return this.jdbc.sql("""
				select r.file_name, r.channel, r.status, r.machine_id, m.name, r.reason, r.imported_by, r.imported_at
				from inventory_import r left join machine m on m.id = r.machine_id
				order by r.imported_at desc, r.id desc limit ?
				""")
			.param(Math.max(1, Math.min(limit, 500)))
			.query((rs, row) -> new InventoryImportResult(rs.getString(1),
					InventoryImportResult.Channel.valueOf(rs.getString(2)),
					InventoryImportResult.Status.valueOf(rs.getString(3)), rs.getObject(4, Long.class), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	private InventoryImportResult rejected(String name, InventoryImportResult.Channel channel, String reason,
			String importedBy) {
		return new InventoryImportResult(name, channel, InventoryImportResult.Status.REJECTED, null, null, reason,
				importedBy, this.clock.instant());
	}

	private void record(InventoryImportResult result) {
		this.jdbc.sql("""
				insert into inventory_import (channel, file_name, status, machine_id, reason, imported_by, imported_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(result.channel().name(), result.fileName(), result.status().name(), result.machineId(),
					result.reason(), result.importedBy(), Timestamp.from(result.importedAt()))
			.update();
	}

	/**
	 * Only the last path element, control characters removed, capped: it is only shown.
	 */
	static String displayName(String fileName) {
		String name = (fileName != null) ? fileName : "unnamed";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "");
		name = name.isBlank() ? "unnamed" : name;
		return (name.length() > 200) ? name.substring(0, 200) : name;
	}

}
