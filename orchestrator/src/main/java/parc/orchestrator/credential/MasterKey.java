package parc.orchestrator.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's 256-bit AES key, in {@code <data>/vault/master.key}, created on first
 * start, readable by Parc's user only. It lives outside the database so that a database
 * dump or backup alone reveals no secret; back it up separately (docs/operations.md).
 */
final class MasterKey {

	static final String FILE = "vault/master.key";

	private static final int BYTES = 32;

	private MasterKey() {
	}

	/**
	 * Reads the key, or creates it when the file does not exist yet.
	 * @throws IllegalStateException when the file exists but holds no valid key: Parc
	 * must not start and silently lose every stored secret
	 */
	static SecretKey loadOrCreate(Path dataDir) {
		Path file = dataDir.resolve(FILE);
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
			byte[] key;
			try {
				key = Base64.getDecoder().decode(text);
			}
			catch (IllegalArgumentException ex) {
				throw invalid(file);
			}
			if (key.length != BYTES) {
				throw invalid(file);
			}
			return new SecretKeySpec(key, "AES");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the vault's master key " + file, ex);
		}
	}

	private static void create(Path file) throws IOException {
		Path folder = file.getParent();
		Files.createDirectories(folder);
		trySetPermissions(folder, "rwx------");
		byte[] key = new byte[BYTES];
		new SecureRandom().nextBytes(key);
		Path temporary = Files.createTempFile(folder, "master", ".tmp");
		trySetPermissions(temporary, "rw-------");
		Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
		try {
			// Atomic: two instances starting at once cannot end up with two different
			// keys.
			Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException ex) {
			Files.deleteIfExists(temporary);
		}
	}

	private static void trySetPermissions(Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the folder's ACLs apply.
		}
	}

	private static IllegalStateException invalid(Path file) {
		return new IllegalStateException("The vault's master key " + file + " is not a base64 256-bit key. Restore it"
				+ " from your backup; deleting it makes every stored credential unreadable.");
	}

}
