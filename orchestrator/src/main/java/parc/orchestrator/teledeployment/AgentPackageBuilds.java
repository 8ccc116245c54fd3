package parc.orchestrator.teledeployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import parc.orchestrator.pkg.AgentPackageSettings;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.PackageFile;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.system.ParcProperties;

/**
 * Builds what agents download for a package and command line, once: the first offer
 * builds it, every later one with the same fingerprint reuses it. Builds go under
 * {@code <data>/agent-packages/<ocs id>/}. The rows commit on their own, so a build made
 * for one machine serves the next at once, and a build cut by a crash is made again.
 */
@Component
class AgentPackageBuilds {

	static final String FOLDER = "agent-packages";

	private final TeledeploymentRepository repository;

	private final PackageService packages;

	private final AgentPackageBuildGateway gateway;

	private final TransactionTemplate ownTransaction;

	private final Path root;

	private final Clock clock;

	/** One build at a time per fingerprint; others wait and reuse it. */
	private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

	AgentPackageBuilds(TeledeploymentRepository repository, PackageService packages, AgentPackageBuildGateway gateway,
			PlatformTransactionManager transactions, ParcProperties parc, Optional<Clock> clock) {
		this.repository = repository;
		this.packages = packages;
		this.gateway = gateway;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.root = parc.sharedDir().resolve(FOLDER);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * @return the build's OCS id
	 * @throws UncheckedIOException when the package's files cannot be read or the build
	 * cannot be written
	 */
	long ensureBuilt(SoftwarePackage pkg, List<String> parameters) {
		String fingerprint = fingerprint(pkg, parameters);
		synchronized (this.locks.computeIfAbsent(pkg.id() + "/" + fingerprint, (key) -> new Object())) {
			Optional<TeledeploymentRepository.Build> existing = this.ownTransaction
				.execute((status) -> this.repository.findBuild(pkg.id(), fingerprint));
			if (existing.isPresent() && existing.get().ready()) {
				return existing.get().ocsId();
			}
			long ocsId = existing.map(TeledeploymentRepository.Build::ocsId)
				.orElseGet(() -> this.ownTransaction
					.execute((status) -> this.repository.insertBuilding(pkg.id(), fingerprint, this.clock.instant())));
			build(pkg, parameters, ocsId);
			return ocsId;
		}
	}

	/** Removes a build's files; a later offer builds them again under a new id. */
	void deleteFiles(long ocsId) {
		deleteQuietly(folderOf(ocsId));
	}

	/** Where a build's files are. */
	Path folderOf(long ocsId) {
		return this.root.resolve(Long.toString(ocsId));
	}

	private void build(SoftwarePackage pkg, List<String> parameters, long ocsId) {
		Path target = folderOf(ocsId);
		Path staging = this.root.resolve(ocsId + ".building");
		try {
			Files.createDirectories(this.root);
			deleteTree(staging);
			deleteTree(target);
			Files.createDirectories(staging);
			Path files = this.packages.folderOf(pkg.id());
			String direct = pkg.commandFile().orElse(null);
			String launched = (pkg.agent().launch() != null) ? AgentPackageSettings.launchedFile(pkg.agent().launch())
					: null;
			List<AgentPackageBuildGateway.File> entries = pkg.files()
				.stream()
				.map((file) -> new AgentPackageBuildGateway.File(file.path(), files.resolve(file.path()),
						file.path().equals(direct) || file.path().equals(launched)))
				.toList();
			AgentPackageBuildGateway.BuiltAgentPackage built = this.gateway
				.build(new AgentPackageBuildGateway.Request(ocsId, pkg.agent(), pkg.command(), parameters,
						pkg.osFamily() == OsFamily.WINDOWS, entries), staging);
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
			this.ownTransaction.executeWithoutResult((status) -> this.repository.markReady(ocsId, built.fragments(),
					built.digest(), built.archiveBytes(), this.clock.instant()));
		}
		catch (IOException | RuntimeException ex) {
			this.ownTransaction
				.executeWithoutResult((status) -> this.repository.markFailed(ocsId, String.valueOf(ex.getMessage())));
			deleteQuietly(staging);
			if (ex instanceof IOException io) {
				throw new UncheckedIOException("Cannot build package " + pkg.label() + " for agents", io);
			}
			throw (RuntimeException) ex;
		}
	}

	/**
	 * Everything the {@code info} file or the fragments depend on: agents cache
	 * {@code info} by id, so any change needs a new id.
	 */
	static String fingerprint(SoftwarePackage pkg, List<String> parameters) {
		StringBuilder text = new StringBuilder();
		text.append(pkg.command()).append('\0').append(pkg.osFamily()).append('\0').append(pkg.agent()).append('\0');
		parameters.forEach((parameter) -> text.append(parameter.length()).append(':').append(parameter));
		text.append('\0');
		for (PackageFile file : pkg.files()) {
			text.append(file.path()).append('=').append(file.sha256()).append('\0');
		}
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private static void deleteQuietly(Path folder) {
		try {
			deleteTree(folder);
		}
		catch (IOException ex) {
			// A leftover staging folder is deleted by the next build of the same id.
		}
	}

	private static void deleteTree(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
