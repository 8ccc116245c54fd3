package parc.orchestrator.pkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * Creates, finds, edits and deletes packages. Files come as several uploads, one archive
 * (unpacked safely), or a subfolder of the server's import folder; they are staged, their
 * manifest computed, and only then does the package exist. Files never change afterwards.
 */
@Service
@Validated
@EnableConfigurationProperties(PackageProperties.class)
public class PackageService {

	private final PackageRepository repository;

	private final PackageStore store;

	private final Clock clock;

	PackageService(PackageRepository repository, PackageStore store, Optional<Clock> clock) {
		this.repository = repository;
		this.store = store;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public List<PackageDepot> depots() {
		return this.repository.depots();
	}

	/** The subfolders of the server's import folder that can become packages. */
	public List<String> serverFolders() {
		return this.store.serverFolders();
	}

	/** Where the server's import folder is, to tell administrators. */
	public Path importRoot() {
		return this.store.importRoot();
	}

	/**
	 * @throws InvalidPackageException for a missing, unsafe or oversized file
	 * @throws DuplicatePackageException when the label and version exist
	 */
	public SoftwarePackage createFromFiles(@Valid PackageDraft draft, List<IncomingFile> files, String createdBy) {
		checkAgentSettings(draft, files.stream().map(IncomingFile::name).toList(), files.isEmpty());
		// No file: a command-only package (an agent runs it in an empty folder).
		return create(draft, createdBy, (staging) -> this.store.addFiles(staging, files), files.isEmpty());
	}

	public SoftwarePackage createFromArchive(@Valid PackageDraft draft, IncomingFile archive, String createdBy) {
		checkAgentSettings(draft, null, false);
		return create(draft, createdBy, (staging) -> this.store.addArchive(staging, archive), false);
	}

	public SoftwarePackage createFromServerFolder(@Valid PackageDraft draft, String folder, String createdBy) {
		checkAgentSettings(draft, null, false);
		return create(draft, createdBy, (staging) -> this.store.addServerFolder(staging, folder), false);
	}

	/**
	 * Refuses agent settings an agent could not carry out: a LAUNCH without a file, or of
	 * a file whose name the agent cuts at a '-'; a STORE without a folder; a LAUNCH or
	 * STORE without files.
	 * @param fileNames the package's files when known, to check the launched one exists
	 */
	private static void checkAgentSettings(PackageDraft draft, List<String> fileNames, boolean commandOnly) {
		AgentPackageSettings agent = (draft.agent() != null) ? draft.agent().complete() : null;
		if (agent == null) {
			return;
		}
		switch (agent.action()) {
			case LAUNCH -> {
				if (agent.launch() == null) {
					throw new InvalidPackageException("agent.launch", "say which package file the agent launches");
				}
				String named = agent.launch().split(" ", 2)[0];
				String launched = AgentPackageSettings.launchedFile(agent.launch());
				if (!named.equals(launched)) {
					throw new InvalidPackageException("agent.launch", "the agent would launch '" + launched + "', not '"
							+ named + "': it cuts file names at the first '-'; rename the file");
				}
				if (fileNames != null && !fileNames.isEmpty() && !fileNames.contains(named)) {
					throw new InvalidPackageException("agent.launch", "'" + named + "' is not one of the files");
				}
			}
			case STORE -> {
				if (agent.storePath() == null) {
					throw new InvalidPackageException("agent.storePath", "say which folder the agent stores into");
				}
			}
			default -> {
			}
		}
		if (commandOnly && agent.action() != AgentAction.EXECUTE) {
			throw new InvalidPackageException("agent.action",
					agent.action() + " needs files; a package without files" + " can only run its command (EXECUTE)");
		}
	}

	/**
	 * No transaction around the copy: an upload of gigabytes must not hold a database
	 * connection. The one insert commits alone; if the files cannot then be moved in
	 * place, the row goes again.
	 */
	private SoftwarePackage create(PackageDraft draft, String createdBy, Filler filler, boolean commandOnly) {
		long depotId = depotOf(draft);
		if (this.repository.exists(draft.label().trim(), draft.version().trim(), depotId, null)) {
			throw new DuplicatePackageException(draft.label().trim(), draft.version().trim());
		}
		Path staging = this.store.stage();
		try {
			filler.fill(staging);
			List<PackageFile> manifest = this.store.manifest(staging);
			if (manifest.isEmpty() && !commandOnly) {
				throw new InvalidPackageException("files", "a package needs at least one file");
			}
			long id;
			try {
				id = this.repository.insert(depotId, draft, manifest, createdBy, this.clock.instant());
			}
			catch (DuplicateKeyException ex) {
				throw new DuplicatePackageException(draft.label().trim(), draft.version().trim());
			}
			try {
				this.store.commit(staging, id);
			}
			catch (IOException | RuntimeException ex) {
				this.repository.delete(id);
				throw ex;
			}
			return get(id);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store the package's files", ex);
		}
		finally {
			this.store.delete(staging);
		}
	}

	private long depotOf(PackageDraft draft) {
		List<PackageDepot> depots = this.repository.depots();
		if (draft.depotId() == null) {
			return depots.stream().filter(PackageDepot::isDefault).findFirst().orElseThrow().id();
		}
		return depots.stream()
			.filter((depot) -> depot.id() == draft.depotId())
			.findFirst()
			.orElseThrow(() -> new InvalidPackageException("depotId", "no package repository " + draft.depotId()))
			.id();
	}

	/**
	 * With its manifest.
	 * @throws PackageNotFoundException when there is none
	 */
	public SoftwarePackage get(long id) {
		return this.repository.find(id).orElseThrow(() -> new PackageNotFoundException(id));
	}

	public Page<SoftwarePackage> find(String query, PageRequest page) {
		return this.repository.page(query, page);
	}

	/** The package's files on this server, for transfers. */
	public Path folderOf(long id) {
		get(id);
		return this.store.folderOf(id);
	}

	/**
	 * Changes label, version, description, command, OS family and reboot; never files.
	 */
	@Transactional
	public SoftwarePackage update(long id, @Valid PackageDraft draft) {
		SoftwarePackage current = get(id);
		if (this.repository.exists(draft.label().trim(), draft.version().trim(), current.depotId(), id)) {
			throw new DuplicatePackageException(draft.label().trim(), draft.version().trim());
		}
		// A form or script that does not speak of agent settings keeps them.
		PackageDraft kept = (draft.agent() != null) ? draft
				: new PackageDraft(draft.label(), draft.version(), draft.description(), draft.command(),
						draft.osFamily(), draft.needsReboot(), draft.depotId(), current.agent());
		checkAgentSettings(kept, current.files().stream().map(PackageFile::path).toList(), current.files().isEmpty());
		this.repository.update(id, kept, this.clock.instant());
		return get(id);
	}

	/**
	 * Deletes a package and its files.
	 * @throws PackageInUseException while a deployment refers to it (the database's
	 * foreign key decides, so a deployment created meanwhile is seen too)
	 */
	@Transactional
	public void delete(long id) {
		SoftwarePackage pkg = get(id);
		try {
			this.repository.delete(id);
		}
		catch (DataIntegrityViolationException ex) {
			throw new PackageInUseException(pkg.label(), pkg.version());
		}
		this.store.delete(this.store.folderOf(id));
	}

	@FunctionalInterface
	private interface Filler {

		void fill(Path staging) throws IOException;

	}

}
