package parc.agentlessadapter.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file of a folder being pushed, with the facts a verification compares and whether its
 * owner may execute it here.
 */
record LocalFile(Path path, String relativePath, long size, String sha256, boolean ownerExecutable) {

	/**
	 * Every regular file under the folder, in path order. Symbolic links are left out: a
	 * package folder must not send what a link points to outside it.
	 */
	static List<LocalFile> under(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException("not a folder: " + folder);
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter((path) -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
				.sorted()
				.map((path) -> of(path, folder.relativize(path).toString().replace('\\', '/')))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + folder, ex);
		}
	}

	private static LocalFile of(Path path, String relative) {
		try {
			return new LocalFile(path, relative, Files.size(path), sha256(path), ownerExecutable(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + path, ex);
		}
	}

	private static boolean ownerExecutable(Path path) throws IOException {
		try {
			return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)
				.contains(PosixFilePermission.OWNER_EXECUTE);
		}
		catch (UnsupportedOperationException ex) {
			// A file system without POSIX modes (Windows) has nothing to carry over.
			return false;
		}
	}

	static String sha256(Path path) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = Files.newInputStream(path)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
