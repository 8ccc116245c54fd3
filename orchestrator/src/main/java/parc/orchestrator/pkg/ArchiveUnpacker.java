package parc.orchestrator.pkg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.Collections;
import java.util.Locale;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a package archive ({@code .zip}, {@code .tar}, {@code .tar.gz}, {@code .tgz})
 * into a folder, refusing what could escape it or flood the disk: absolute or {@code ..}
 * paths, links, devices, duplicate entries, more files or bytes than a package may hold
 * (counted as bytes are written, so a compression bomb stops at the cap, not after it).
 */
final class ArchiveUnpacker {

	private static final String FIELD = "archive";

	private final int maxFiles;

	private final long maxBytes;

	ArchiveUnpacker(int maxFiles, long maxBytes) {
		this.maxFiles = maxFiles;
		this.maxBytes = maxBytes;
	}

	static boolean isArchive(String name) {
		String lower = (name != null) ? name.toLowerCase(Locale.ROOT) : "";
		return lower.endsWith(".zip") || lower.endsWith(".tar") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz");
	}

	void unpack(String archiveName, InputStream raw, Path target) throws IOException {
		if (!isArchive(archiveName)) {
			throw new InvalidPackageException(FIELD, "not an archive Parc unpacks (.zip, .tar, .tar.gz, .tgz): "
					+ RelativePaths.fileName(FIELD, archiveName));
		}
		String lower = archiveName.toLowerCase(Locale.ROOT);
		try {
			if (lower.endsWith(".zip")) {
				unpackZip(raw, target);
			}
			else {
				InputStream in = new BufferedInputStream(raw);
				try (TarArchiveInputStream tar = new TarArchiveInputStream(
						lower.endsWith(".tar") ? in : new GzipCompressorInputStream(in))) {
					Counts counts = new Counts();
					TarArchiveEntry entry;
					while ((entry = tar.getNextEntry()) != null) {
						extract(entry, tar, target, counts);
					}
					counts.refuseEmpty();
				}
			}
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof InvalidPackageException invalid) {
				throw invalid;
			}
			throw new InvalidPackageException(FIELD, "the archive cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * A zip's file modes live in its central directory, at the end, which a stream
	 * reaches too late: the zip is read from a copy on disk, never more than the
	 * package's cap.
	 */
	private void unpackZip(InputStream raw, Path target) throws IOException {
		Path copy = Files.createTempFile(target.getParent(), ".archive-", ".zip");
		try {
			if (!parc.orchestrator.system.csv.UploadedFile.copyAtMost(raw, copy, this.maxBytes)) {
				throw new InvalidPackageException(FIELD, "the archive is larger than " + this.maxBytes + " bytes");
			}
			try (ZipFile zip = ZipFile.builder().setPath(copy).get()) {
				Counts counts = new Counts();
				for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
					try (InputStream content = zip.getInputStream(entry)) {
						extract(entry, content, target, counts);
					}
				}
				counts.refuseEmpty();
			}
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	private void extract(ArchiveEntry entry, InputStream content, Path target, Counts counts) throws IOException {
		refuseSpecial(entry);
		String path = RelativePaths.safe(FIELD, entry.getName());
		Path destination = target.resolve(path).normalize();
		if (!destination.startsWith(target)) {
			throw new InvalidPackageException(FIELD, "path leaving the package refused: " + path);
		}
		if (entry.isDirectory()) {
			Files.createDirectories(destination);
			return;
		}
		if (++counts.files > this.maxFiles) {
			throw new InvalidPackageException(FIELD, "the archive holds more than " + this.maxFiles + " files");
		}
		if (Files.exists(destination)) {
			throw new InvalidPackageException(FIELD, "the archive holds " + path + " twice");
		}
		Files.createDirectories(destination.getParent());
		counts.bytes = copy(content, destination, counts.bytes);
		keepExecutable(entry, destination);
	}

	/** What an archive has unpacked so far, against the package's caps. */
	private static final class Counts {

		private int files;

		private long bytes;

		void refuseEmpty() {
			if (this.files == 0) {
				throw new InvalidPackageException(FIELD, "the archive holds no file");
			}
		}

	}

	private long copy(InputStream from, Path destination, long before) throws IOException {
		long total = before;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(destination)) {
			int n;
			while ((n = from.read(buffer)) > 0) {
				total += n;
				if (total > this.maxBytes) {
					throw new InvalidPackageException(FIELD,
							"the archive unpacks to more than " + this.maxBytes + " bytes");
				}
				out.write(buffer, 0, n);
			}
		}
		return total;
	}

	/**
	 * Tar and zip (made on Unix) carry each file's mode: a script packed executable stays
	 * so, and the push to a machine carries the bit over. Only the execute bits are kept;
	 * the rest stays the package store's own.
	 */
	private static void keepExecutable(ArchiveEntry entry, Path destination) throws IOException {
		int mode = 0;
		if (entry instanceof TarArchiveEntry tar) {
			mode = tar.getMode();
		}
		else if (entry instanceof ZipArchiveEntry zip) {
			mode = zip.getUnixMode();
		}
		if ((mode & 0100) != 0) {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(destination);
			permissions.add(PosixFilePermission.OWNER_EXECUTE);
			permissions.add(PosixFilePermission.GROUP_EXECUTE);
			Files.setPosixFilePermissions(destination, permissions);
		}
	}

	private static void refuseSpecial(ArchiveEntry entry) {
		boolean special = false;
		if (entry instanceof TarArchiveEntry tar) {
			special = tar.isSymbolicLink() || tar.isLink() || tar.isCharacterDevice() || tar.isBlockDevice()
					|| tar.isFIFO();
		}
		else if (entry instanceof ZipArchiveEntry zip) {
			special = zip.isUnixSymlink();
		}
		if (special) {
			throw new InvalidPackageException(FIELD, "links and device files are refused in a package: "
					+ entry.getName().replaceAll("\\p{Cntrl}", "?"));
		}
	}

}
