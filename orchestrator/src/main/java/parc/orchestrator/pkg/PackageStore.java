package parc.orchestrator.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import parc.orchestrator.system.ParcProperties;

/**
 * Package files on disk: {@code <store>/<id>/}, filled in a staging folder first so that
 * a failed creation leaves nothing, then moved in place. Also the server folder packages
 * can be taken from.
 */
@Component
class PackageStore {

	private final Path store;

	private final Path importRoot;

	private final int maxFiles;

	private final long maxBytes;

	PackageStore(PackageProperties properties, ParcProperties parc) {
		Path depot = (properties.dir() != null) ? properties.dir() : parc.sharedDir().resolve("packages");
		this.store = ((properties.store() != null) ? properties.store() : depot.resolve("store")).toAbsolutePath()
			.normalize();
		this.importRoot = ((properties.importRoot() != null) ? properties.importRoot() : depot.resolve("import"))
			.toAbsolutePath()
			.normalize();
		this.maxFiles = properties.maxFiles();
		this.maxBytes = properties.maxBytes();
	}

	Path importRoot() {
		return this.importRoot;
	}

	Path folderOf(long id) {
		return this.store.resolve(Long.toString(id));
	}

	/** A fresh, empty staging folder. */
	Path stage() {
		try {
			Files.createDirectories(this.store);
			return Files.createDirectory(this.store.resolve(".staging-" + UUID.randomUUID()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a staging folder in " + this.store, ex);
		}
	}

	void addFiles(Path staging, List<IncomingFile> files) throws IOException {
		long total = 0;
		int count = 0;
		for (IncomingFile file : files) {
			String name = RelativePaths.fileName("files", file.name());
			Path destination = staging.resolve(name);
			if (Files.exists(destination)) {
				throw new InvalidPackageException("files", "two files are named " + name);
			}
			if (++count > this.maxFiles) {
				throw new InvalidPackageException("files", "more than " + this.maxFiles + " files");
			}
			total = copy(file, destination, total);
		}
	}

	private long copy(IncomingFile file, Path destination, long before) throws IOException {
		long total = before;
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = file.content().open(); OutputStream out = Files.newOutputStream(destination)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
				if (total > this.maxBytes) {
					throw new InvalidPackageException("files",
							"the files add up to more than " + this.maxBytes + " bytes");
				}
				out.write(buffer, 0, n);
			}
		}
		return total;
	}

	void addArchive(Path staging, IncomingFile archive) throws IOException {
		try (InputStream in = archive.content().open()) {
			new ArchiveUnpacker(this.maxFiles, this.maxBytes).unpack(archive.name(), in, staging);
		}
	}

	/**
	 * Copies a subfolder of the import root. Links are refused: one could point anywhere
	 * on the server.
	 */
	void addServerFolder(Path staging, String folderName) throws IOException {
		String relative = RelativePaths.safe("serverFolder", folderName);
		Path source = this.importRoot.resolve(relative).normalize();
		if (!source.startsWith(this.importRoot) || !Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
			throw new InvalidPackageException("serverFolder", "no folder " + relative + " in " + this.importRoot);
		}
		long[] totals = new long[2];
		Files.walkFileTree(source, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				Files.createDirectories(staging.resolve(source.relativize(dir).toString()));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				if (!attributes.isRegularFile()) {
					throw new InvalidPackageException("serverFolder",
							"links and special files are refused: " + source.relativize(file));
				}
				totals[0]++;
				totals[1] += attributes.size();
				if (totals[0] > PackageStore.this.maxFiles || totals[1] > PackageStore.this.maxBytes) {
					throw new InvalidPackageException("serverFolder", "the folder holds more than a package may");
				}
				Files.copy(file, staging.resolve(source.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS);
				return FileVisitResult.CONTINUE;
			}
		});
	}

	/** The subfolders of the import root, by name. */
	List<String> serverFolders() {
		if (!Files.isDirectory(this.importRoot)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(this.importRoot)) {
			return entries.filter((path) -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
				.map((path) -> path.getFileName().toString())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every regular file of a folder, with its size and SHA-256, in path order. */
	List<PackageFile> manifest(Path folder) throws IOException {
		List<Path> files;
		try (Stream<Path> paths = Files.walk(folder)) {
			files = paths.filter((path) -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
		}
		List<PackageFile> manifest = new ArrayList<>();
		for (Path file : files) {
			manifest.add(new PackageFile(folder.relativize(file).toString().replace('\\', '/'), Files.size(file),
					sha256(file)));
		}
		return manifest;
	}

	void commit(Path staging, long id) throws IOException {
		Files.move(staging, folderOf(id), StandardCopyOption.ATOMIC_MOVE);
	}

	void delete(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + folder, ex);
		}
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = Files.newInputStream(file)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
