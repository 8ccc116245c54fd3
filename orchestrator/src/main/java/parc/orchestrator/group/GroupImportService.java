package parc.orchestrator.group;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import org.apache.commons.csv.CSVRecord;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import parc.orchestrator.machine.MacAddresses;
import parc.orchestrator.system.csv.CsvFile;
import parc.orchestrator.system.csv.UploadedFile;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * Builds a static group from a file holding one kind of value per line (the first cell of
 * each CSV line): every line gets a result, and the group with its report is written in
 * one transaction, or no group at all when no line matched.
 */
@Service
public class GroupImportService {

	/** The most lines one file may hold. */
	public static final int MAX_LINES = 100_000;

	/** The largest file accepted. */
	public static final long MAX_FILE_BYTES = 64L << 20;

	private final GroupImportRepository repository;

	private final GroupService groups;

	private final TransactionTemplate transactions;

	GroupImportService(GroupImportRepository repository, GroupService groups, TransactionTemplate transactions) {
		this.repository = repository;
		this.groups = groups;
		this.transactions = transactions;
	}

	/**
	 * @throws InvalidGroupException naming {@code file}, {@code charset} or {@code name}
	 * @throws DuplicateGroupNameException when the viewer has a group of that name
	 */
	public GroupImport importGroup(String name, GroupImportKind kind, InputStream content, String fileName,
			String charset, boolean visible, GroupViewer viewer) throws IOException {
		if (kind == null) {
			throw new InvalidGroupException("kind", "choose what the file holds: " + List.of(GroupImportKind.values()));
		}
		Charset chosen = UploadedFile.charset(charset)
			.orElseThrow(() -> new InvalidGroupException("charset", "'" + charset + "' is not a known charset"));
		Path file = Files.createTempFile("parc-group-import-", ".csv");
		try {
			if (!UploadedFile.copyAtMost(content, file, MAX_FILE_BYTES)) {
				throw new InvalidGroupException("file", "the file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
			}
			List<GroupImportLine> lines = new ArrayList<>();
			LinkedHashSet<Long> machines = new LinkedHashSet<>();
			read(file, chosen, kind, lines, machines);
			GroupDraft draft = GroupDraft.ofMachines(name, List.copyOf(machines));
			GroupDraft shown = new GroupDraft(draft.name(), GroupType.STATIC, draft.machineIds(), null, null, null,
					visible);
			String safeName = UploadedFile.displayName(fileName, "values.txt");
			long id = this.transactions.execute((status) -> {
				Long groupId = machines.isEmpty() ? null : this.groups.create(shown, viewer).id();
				long created = this.repository.insert(groupId, draft.name(), kind, safeName, machines.size(),
						viewer.username());
				this.repository.insertLines(created, lines);
				return created;
			});
			return get(id);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	public GroupImport get(long id) {
		return this.repository.find(id).orElseThrow(() -> new InvalidGroupException("id", "no group import " + id));
	}

	public Page<GroupImportLine> lines(long id, boolean problemsOnly, PageRequest page) {
		get(id);
		return this.repository.lines(id, problemsOnly, page);
	}

	public void eachLine(long id, Consumer<GroupImportLine> consumer) {
		get(id);
		this.repository.eachLine(id, consumer);
	}

	private void read(Path file, Charset charset, GroupImportKind kind, List<GroupImportLine> lines,
			LinkedHashSet<Long> machines) throws IOException {
		try (CsvFile csv = CsvFile.open(file, charset)) {
			for (Optional<CSVRecord> record = csv.next(); record.isPresent(); record = csv.next()) {
				List<String> cells = CsvFile.cells(record.get());
				String value = cells.isEmpty() ? "" : cells.get(0).trim();
				if (value.isEmpty()) {
					continue;
				}
				if (lines.size() == MAX_LINES) {
					throw new InvalidGroupException("file",
							"the file has more than " + MAX_LINES + " values: split it");
				}
				lines.add(match((int) record.get().getRecordNumber(), value, kind, charset, machines));
			}
		}
		catch (CsvFile.UnreadableCsvException ex) {
			throw new InvalidGroupException("file", ex.getMessage());
		}
		if (lines.isEmpty()) {
			throw new InvalidGroupException("file", "the file holds no value");
		}
	}

	private GroupImportLine match(int line, String value, GroupImportKind kind, Charset charset,
			LinkedHashSet<Long> machines) {
		if (CsvFile.isMangled(List.of(value))) {
			return new GroupImportLine(line, value, GroupImportOutcome.INVALID, 0, CsvFile.notInCharset(charset));
		}
		Optional<String> canonical = canonical(kind, value);
		if (canonical.isEmpty()) {
			return new GroupImportLine(line, value, GroupImportOutcome.INVALID, 0,
					"not " + ((kind == GroupImportKind.MAC) ? "a MAC address" : "an IP address"));
		}
		List<Long> found = this.repository.machinesMatching(kind, canonical.get(),
				kind.identifiesOne() ? 2 : Integer.MAX_VALUE);
		if (found.isEmpty()) {
			return new GroupImportLine(line, value, GroupImportOutcome.NO_MATCH, 0, null);
		}
		if (kind.identifiesOne() && found.size() > 1) {
			return new GroupImportLine(line, value, GroupImportOutcome.AMBIGUOUS, found.size(),
					"several machines have this " + kind.name().toLowerCase(java.util.Locale.ROOT)
							+ ": add the one you mean by name");
		}
		machines.addAll(found);
		return new GroupImportLine(line, value, GroupImportOutcome.MATCHED, found.size(), null);
	}

	private static Optional<String> canonical(GroupImportKind kind, String value) {
		return switch (kind) {
			case MAC -> MacAddresses.normalise(value);
			case IP -> {
				IPAddress address = new IPAddressString(value).getAddress();
				yield (address != null && !address.isPrefixed() && !address.isMultiple())
						? Optional.of(address.toCanonicalString()) : Optional.empty();
			}
			default -> Optional.of(value);
		};
	}

}
