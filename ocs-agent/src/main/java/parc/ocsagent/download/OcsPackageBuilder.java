package parc.ocsagent.download;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Builds what an agent downloads for one package (protocol §4.2 to §4.4): the files
 * packed into one archive, its MD5 taken while it is written, the archive cut into
 * fragments, and the {@code info} file. Streams from disk to disk, so a package of any
 * size costs a buffer of memory. Thread-safe.
 */
public final class OcsPackageBuilder {

	/** The name of the file that describes the package. */
	public static final String INFO = "info";

	private static final int BUFFER = 64 * 1024;

	private final InfoFileWriter infoWriter = new InfoFileWriter();

	/**
	 * @param spec the package
	 * @param files what it carries; empty for a command-only package ({@code FRAGS="0"})
	 * @param folder an existing empty folder that receives {@code info} and the fragments
	 */
	public BuiltPackage build(OcsPackageSpec spec, List<ArchiveEntry> files, Path folder) throws IOException {
		if (files.isEmpty()) {
			BuiltPackage built = new BuiltPackage(spec.id(), 0, null, 0);
			Files.write(folder.resolve(INFO), this.infoWriter.write(spec, built));
			return built;
		}
		Path archive = folder.resolve(".archive");
		MessageDigest md5 = md5();
		try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(archive), BUFFER),
				md5)) {
			if (spec.format() == ArchiveFormat.ZIP) {
				writeZip(files, out);
			}
			else {
				writeTarGz(files, out);
			}
		}
		long size = Files.size(archive);
		int fragments = (int) Math.max(1, (size + spec.fragmentBytes() - 1) / spec.fragmentBytes());
		BuiltPackage built = new BuiltPackage(spec.id(), fragments, HexFormat.of().formatHex(md5.digest()), size);
		split(archive, folder, built, spec.fragmentBytes());
		Files.delete(archive);
		Files.write(folder.resolve(INFO), this.infoWriter.write(spec, built));
		return built;
	}

	private static void writeTarGz(List<ArchiveEntry> files, OutputStream out) throws IOException {
		GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out);
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
			for (ArchiveEntry file : files) {
				TarArchiveEntry entry = new TarArchiveEntry(file.source(), file.name());
				entry.setMode(file.executable() ? 0100755 : 0100644);
				entry.setUserName("root");
				entry.setGroupName("root");
				entry.setIds(0, 0);
				tar.putArchiveEntry(entry);
				Files.copy(file.source(), tar);
				tar.closeArchiveEntry();
			}
			tar.finish();
		}
	}

	private static void writeZip(List<ArchiveEntry> files, OutputStream out) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ArchiveEntry file : files) {
				zip.putNextEntry(new ZipEntry(file.name()));
				Files.copy(file.source(), zip);
				zip.closeEntry();
			}
		}
	}

	/**
	 * Consecutive ranges of the same size, the last one shorter: the agent concatenates
	 * them in order before checking the digest (§4.4).
	 */
	private static void split(Path archive, Path folder, BuiltPackage built, long fragmentBytes) throws IOException {
		byte[] buffer = new byte[BUFFER];
		try (InputStream in = Files.newInputStream(archive)) {
			for (int n = 1; n <= built.fragments(); n++) {
				long left = fragmentBytes;
				try (OutputStream out = Files.newOutputStream(folder.resolve(built.fragmentName(n)))) {
					while (left > 0) {
						int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
						if (read < 0) {
							break;
						}
						out.write(buffer, 0, read);
						left -= read;
					}
				}
			}
		}
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is part of every JDK", ex);
		}
	}

}
