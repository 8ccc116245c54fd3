package parc.orchestrator.pkg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
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
		InputStream in = new BufferedInputStream(raw);
		try (ArchiveInputStream<? extends ArchiveEntry> archive = lower.endsWith(".zip") ? new ZipArchiveInputStream(in)
				: new TarArchiveInputStream(lower.endsWith(".tar") ? in : new GzipCompressorInputStream(in))) {
			int files = 0;
			long bytes = 0;
			ArchiveEntry entry;
			while ((entry = archive.getNextEntry()) != null) {
				refuseSpecial(entry);
				String path = RelativePaths.safe(FIELD, entry.getName());
				Path destination = target.resolve(path).normalize();
				if (!destination.startsWith(target)) {
					throw new InvalidPackageException(FIELD, "path leaving the package refused: " + path);
				}
				if (entry.isDirectory()) {
					Files.createDirectories(destination);
					continue;
				}
				if (++files > this.maxFiles) {
					throw new InvalidPackageException(FIELD, "the archive holds more than " + this.maxFiles + " files");
				}
				if (Files.exists(destination)) {
					throw new InvalidPackageException(FIELD, "the archive holds " + path + " twice");
				}
				Files.createDirectories(destination.getParent());
				bytes = copy(archive, destination, bytes);
			}
			if (files == 0) {
				throw new InvalidPackageException(FIELD, "the archive holds no file");
			}
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof InvalidPackageException invalid) {
				throw invalid;
			}
			throw new InvalidPackageException(FIELD, "the archive cannot be read: " + ex.getMessage());
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
