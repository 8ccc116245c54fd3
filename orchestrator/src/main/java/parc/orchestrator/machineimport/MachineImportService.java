package parc.orchestrator.machineimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.AdminField;
import parc.orchestrator.system.csv.CsvFile;
import parc.orchestrator.system.csv.UploadedFile;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.system.transaction.AfterCommit;

/**
 * Imports machines from CSV files. A file is read once, row by row, into the staging
 * table (each row checked on its own, progress recorded every {@link #BATCH} rows), then
 * checked as a whole in SQL and applied in one transaction: the good rows or, in
 * all-or-nothing mode, every row or none. No machine is ever half-written, and memory
 * does not grow with the file.
 */
@Service
@EnableConfigurationProperties(MachineImportProperties.class)
public class MachineImportService {

	/** The largest file an upload may be: well above 200,000 rows of machines. */
	public static final long MAX_FILE_BYTES = 256L << 20;

	/** Rows staged per statement, and how often the progress is recorded. */
	static final int BATCH = 1000;

	private static final int SAMPLE_ROWS = 5;

	private static final Logger log = LoggerFactory.getLogger(MachineImportService.class);

	private final MachineImportRepository repository;

	private final AdminDataService adminData;

	private final Validator validator;

	private final TransactionTemplate transactions;

	private final MachineImportProperties properties;

	private final Optional<MachineImportGateway> gateway;

	MachineImportService(MachineImportRepository repository, AdminDataService adminData, Validator validator,
			TransactionTemplate transactions, MachineImportProperties properties,
			Optional<MachineImportGateway> gateway) {
		this.repository = repository;
		this.adminData = adminData;
		this.validator = validator;
		this.transactions = transactions;
		this.properties = properties;
		this.gateway = gateway;
	}

	public MachineImportProperties properties() {
		return this.properties;
	}

	/**
	 * Keeps an uploaded file until the administrator confirms its mapping.
	 * @return the name to give {@link #preview} and {@link #submit}
	 */
	public String keepUpload(InputStream content) throws IOException {
		Files.createDirectories(this.properties.uploads());
		String token = UUID.randomUUID().toString();
		if (!UploadedFile.copyAtMost(content, upload(token), MAX_FILE_BYTES)) {
			throw new InvalidMachineImportException("file",
					"the file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB: split it");
		}
		return token;
	}

	/**
	 * The header, the suggested mapping and the first rows of an upload.
	 * @throws InvalidMachineImportException when the file cannot be read
	 */
	public CsvPreview preview(String upload, String charset) {
		Charset chosen = charset(charset);
		try (CsvFile file = CsvFile.open(upload(upload), chosen)) {
			List<String> header = file.next()
				.map(CsvFile::cells)
				.orElseThrow(() -> new InvalidMachineImportException("file", "the file is empty"));
			List<List<String>> sample = new ArrayList<>();
			for (int i = 0; i < SAMPLE_ROWS; i++) {
				Optional<CSVRecord> record = file.next();
				if (record.isEmpty()) {
					break;
				}
				sample.add(CsvFile.cells(record.get()));
			}
			String warning = null;
			for (int i = -1; i < sample.size() && warning == null; i++) {
				if (CsvFile.isMangled((i < 0) ? header : sample.get(i))) {
					warning = "line " + (i + 2) + ": " + CsvFile.notInCharset(chosen);
				}
			}
			return new CsvPreview(header, ColumnMappings.suggest(header, adminFields()), sample, file.delimiter(),
					warning);
		}
		catch (CsvFile.UnreadableCsvException ex) {
			throw new InvalidMachineImportException("file", ex);
		}
		catch (IOException ex) {
			throw new InvalidMachineImportException("file", "the upload is gone: send the file again");
		}
	}

	/**
	 * Records the import of an upload with the mapping the administrator confirmed, and
	 * hands it over to run once committed.
	 * @throws InvalidMachineImportException naming the field to fix
	 */
	public MachineImport submit(String upload, String fileName, List<String> mapping, MachineImportMode mode,
			String charset, String requestedBy) {
		Charset chosen = charset(charset);
		CsvPreview preview = preview(upload, chosen.name());
		ColumnMappings.check(mapping, preview.header().size(), adminFields());
		long id = this.transactions.execute((status) -> {
			long created = this.repository.insert(safeName(fileName), MachineImportSource.UPLOAD,
					(mode != null) ? mode : MachineImportMode.GOOD_ROWS, chosen.name(), mapping,
					upload(upload).toString(), requestedBy);
			AfterCommit.run(() -> this.gateway.ifPresent((gateway) -> gateway.submit(created)));
			return created;
		});
		return get(id);
	}

	/**
	 * Imports a file dropped in the watched folder, with the mapping its header suggests
	 * and the folder's mode, on the calling thread.
	 */
	public MachineImport importFromFolder(Path file, String fileName) {
		Charset utf8 = StandardCharsets.UTF_8;
		List<String> mapping = List.of();
		String failure = null;
		try (CsvFile csv = CsvFile.open(file, utf8)) {
			List<String> header = csv.next().map(CsvFile::cells).orElse(List.of());
			mapping = ColumnMappings.suggest(header, adminFields());
			ColumnMappings.check(mapping, header.size(), adminFields());
		}
		catch (CsvFile.UnreadableCsvException | InvalidMachineImportException ex) {
			failure = ex.getMessage();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long id = this.repository.insert(safeName(fileName), MachineImportSource.FOLDER, this.properties.folderMode(),
				utf8.name(), mapping, file.toString(), "folder");
		if (failure != null) {
			this.repository.fail(id, failure);
			return get(id);
		}
		return run(id);
	}

	/**
	 * Reads, checks and applies an import; every failure is recorded on it, none escapes.
	 */
	public MachineImport run(long id) {
		MachineImport current = get(id);
		if (current.state() != MachineImportState.PENDING) {
			return current;
		}
		Path file = Path.of(this.repository.storedPath(id).orElseThrow());
		try {
			read(current, file);
			this.repository.setState(id, MachineImportState.CHECKING);
			this.repository.analyzeStagedRows();
			this.transactions.executeWithoutResult((status) -> {
				this.repository.refuseDuplicateNames(id);
				this.repository.resolveCredentials(id);
				this.repository.linkExistingMachines(id);
			});
			int errors = this.repository.countErrors(id);
			if (current.mode() == MachineImportMode.ALL_OR_NOTHING && errors > 0) {
				this.repository.markNotApplied(id);
				this.repository.finish(id, MachineImportState.FAILED,
						errors + " row(s) have errors: nothing was applied (all or nothing)");
				return get(id);
			}
			this.repository.setState(id, MachineImportState.APPLYING);
			this.transactions
				.executeWithoutResult((status) -> this.repository.apply(id, new ImportColumns(current.mapping())));
			this.repository.finish(id, MachineImportState.DONE, null);
		}
		catch (CsvFile.UnreadableCsvException ex) {
			this.repository.deleteRows(id);
			this.repository.fail(id, ex.getMessage());
		}
		catch (RuntimeException | IOException ex) {
			// A database refusal while applying rolled the whole apply back.
			log.warn("Machine import {} failed", id, ex);
			this.repository.deleteRows(id);
			this.repository.fail(id, "nothing was applied: " + ex.getMessage());
		}
		return get(id);
	}

	public MachineImport get(long id) {
		return this.repository.find(id).orElseThrow(() -> new MachineImportNotFoundException(id));
	}

	public Page<MachineImport> list(PageRequest page) {
		return this.repository.findPage(page);
	}

	/**
	 * The report, a page at a time; {@code problemsOnly} keeps errors and rows left out.
	 */
	public Page<MachineImportRowResult> rows(long id, boolean problemsOnly, PageRequest page) {
		get(id);
		return this.repository.rows(id, problemsOnly, page);
	}

	/** Every row of the report, in file order. */
	public void eachRow(long id, Consumer<MachineImportRowResult> consumer) {
		get(id);
		this.repository.eachRow(id, consumer);
	}

	/** Where a finished upload's file is kept now: done/ or failed/. */
	public void fileAway(long id) {
		MachineImport done = get(id);
		Optional<Path> stored = this.repository.storedPath(id).map(Path::of).filter(Files::exists);
		if (stored.isEmpty() || done.source() != MachineImportSource.UPLOAD) {
			return;
		}
		Path folder = (done.state() == MachineImportState.DONE) ? this.properties.done() : this.properties.failed();
		try {
			Files.createDirectories(folder);
			Files.move(stored.get(), folder.resolve(id + "-" + safeName(done.fileName())),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			log.warn("Could not move the file of machine import {} to {}", id, folder, ex);
		}
	}

	/**
	 * Housekeeping: forgets the imports that finished more than {@code keepDays} ago
	 * (their per-row reports are the bulk of the staging table) and removes uploads whose
	 * mapping was not confirmed within a day. Files in {@code done/} and {@code failed/}
	 * are the administrator's archive and stay.
	 * @return how many imports were forgotten
	 */
	public int forgetOldImports(java.time.Instant now) {
		int forgotten = this.repository
			.deleteFinishedBefore(now.minus(java.time.Duration.ofDays(this.properties.keepDays())));
		java.time.Instant abandoned = now.minus(java.time.Duration.ofDays(1));
		if (Files.isDirectory(this.properties.uploads())) {
			try (var uploads = Files.list(this.properties.uploads())) {
				for (Path upload : uploads.toList()) {
					if (Files.getLastModifiedTime(upload).toInstant().isBefore(abandoned)
							&& !this.repository.isPendingUpload(upload.toString())) {
						Files.deleteIfExists(upload);
					}
				}
			}
			catch (IOException ex) {
				log.warn("Could not clean {}", this.properties.uploads(), ex);
			}
		}
		return forgotten;
	}

	private void read(MachineImport current, Path file) throws IOException {
		this.repository.setState(current.id(), MachineImportState.READING);
		Charset charset = charset(current.charset());
		MachineRowChecker checker = new MachineRowChecker(current.mapping(), adminFields(), this.validator, charset);
		int rows = 0;
		try (CsvFile csv = CsvFile.open(file, charset)) {
			csv.next();
			List<StagedRow> batch = new ArrayList<>(BATCH);
			for (Optional<CSVRecord> record = csv.next(); record.isPresent(); record = csv.next()) {
				rows++;
				if (rows > this.properties.maxRows()) {
					throw new CsvFile.UnreadableCsvException(
							"the file has more than " + this.properties.maxRows() + " rows: split it");
				}
				batch.add(checker.check((int) record.get().getRecordNumber(), CsvFile.cells(record.get())));
				if (batch.size() == BATCH) {
					this.repository.stage(current.id(), batch);
					this.repository.setRowsRead(current.id(), rows);
					batch.clear();
				}
			}
			this.repository.stage(current.id(), batch);
			this.repository.setRowsRead(current.id(), rows);
		}
	}

	private Map<String, AdminField> adminFields() {
		return this.adminData.fields().stream().collect(Collectors.toMap(AdminField::key, Function.identity()));
	}

	private Path upload(String token) {
		try {
			UUID.fromString(Objects.requireNonNull(token));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			// Only names Parc gave out: never a path from the client.
			throw new InvalidMachineImportException("upload", "unknown upload");
		}
		return this.properties.uploads().resolve(token + ".csv");
	}

	private static Charset charset(String name) {
		return UploadedFile.charset(name)
			.orElseThrow(() -> new InvalidMachineImportException("charset", "'" + name + "' is not a known charset"));
	}

	static String safeName(String fileName) {
		return UploadedFile.displayName(fileName, "machines.csv");
	}

}
