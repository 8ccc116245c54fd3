package parc.orchestrator.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's 256-bit AES key, in {@code <shared folder>/vault/master.key} (the data
 * folder on one node), created on first start, readable by Parc's user only; or given as
 * text by {@code PARC_VAULT_KEY}. It lives outside the database so that a database dump
 * or backup alone reveals no secret; back it up separately (docs/operations.md).
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
	static SecretKey loadOrCreate(Path sharedDir) {
		return loadOrCreateFile(sharedDir.resolve(FILE));
	}

	/**
	 * From the key given as text when there is one, else from its file.
	 * @return the key and what the messages call its origin
	 */
	static Loaded load(VaultProperties vault, Path sharedDir) {
		if (vault.key() != null && !vault.key().isBlank()) {
			return new Loaded(decode(vault.key().trim(), "parc.vault.key (PARC_VAULT_KEY)"),
					"parc.vault.key (PARC_VAULT_KEY)");
		}
		Path file = (vault.keyFile() != null) ? vault.keyFile().toAbsolutePath().normalize() : sharedDir.resolve(FILE);
		return new Loaded(loadOrCreateFile(file), file.toString());
	}

	/**
	 * The key, a fingerprint of it that reveals nothing (an HMAC of a fixed text), and
	 * where it came from.
	 */
	record Loaded(SecretKey key, String origin) {

		String fingerprint() {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(this.key);
				return HexFormat.of()
					.formatHex(mac.doFinal("parc vault key check".getBytes(StandardCharsets.US_ASCII)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
			}
		}

	}

	private static SecretKey loadOrCreateFile(Path file) {
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
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

	private static SecretKey decode(String text, String origin) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(origin);
		}
		if (key.length != BYTES) {
			throw invalid(origin);
		}
		return new SecretKeySpec(key, "AES");
	}

	private static IllegalStateException invalid(String origin) {
		return new IllegalStateException("The vault's master key " + origin + " is not a base64 256-bit key. Restore"
				+ " it from your backup; deleting it makes every stored credential unreadable.");
	}

}
