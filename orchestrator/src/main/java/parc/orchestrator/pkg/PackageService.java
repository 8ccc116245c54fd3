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
		if (files.isEmpty()) {
			throw new InvalidPackageException("files", "a package needs at least one file");
		}
		return create(draft, createdBy, (staging) -> this.store.addFiles(staging, files));
	}

	public SoftwarePackage createFromArchive(@Valid PackageDraft draft, IncomingFile archive, String createdBy) {
		return create(draft, createdBy, (staging) -> this.store.addArchive(staging, archive));
	}

	public SoftwarePackage createFromServerFolder(@Valid PackageDraft draft, String folder, String createdBy) {
		return create(draft, createdBy, (staging) -> this.store.addServerFolder(staging, folder));
	}

	/**
	 * No transaction around the copy: an upload of gigabytes must not hold a database
	 * connection. The one insert commits alone; if the files cannot then be moved in
	 * place, the row goes again.
	 */
	private SoftwarePackage create(PackageDraft draft, String createdBy, Filler filler) {
		long depotId = depotOf(draft);
		if (this.repository.exists(draft.label().trim(), draft.version().trim(), depotId, null)) {
			throw new DuplicatePackageException(draft.label().trim(), draft.version().trim());
		}
		Path staging = this.store.stage();
		try {
			filler.fill(staging);
			List<PackageFile> manifest = this.store.manifest(staging);
			if (manifest.isEmpty()) {
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
		this.repository.update(id, draft, this.clock.instant());
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
