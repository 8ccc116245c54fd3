package parc.orchestrator.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import parc.orchestrator.system.ParcProperties;

/**
 * On the first start of an installation (no account at all), creates the administrator
 * {@code admin} with a random password, prints it once in the log and writes it to
 * {@code <data-dir>/initial-admin-password}, readable by the owner only. There is no
 * default password. Runs before the web server accepts requests.
 */
@Component
class FirstAdministratorInitializer implements SmartInitializingSingleton {

	static final String USERNAME = "admin";

	static final String PASSWORD_FILE = "initial-admin-password";

	private static final Logger log = LoggerFactory.getLogger(FirstAdministratorInitializer.class);

	private final UserAccountService accounts;

	private final Path dataDir;

	FirstAdministratorInitializer(UserAccountService accounts, ParcProperties parc) {
		this.accounts = accounts;
		this.dataDir = parc.dataDir();
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.accounts.createFirstAdministrator(USERNAME).ifPresent(this::announce);
	}

	private void announce(GeneratedPassword password) {
		Path file = this.dataDir.resolve(PASSWORD_FILE);
		try {
			Files.createDirectories(this.dataDir);
			Files.deleteIfExists(file);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, password.password() + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the first administrator's password to " + file, ex);
		}
		log.warn("""

				================================================================
				 First start: Parc created the administrator account.
				   user:     {}
				   password: {}
				 Also written to {} (owner-only).
				 Settings > Users can reset it; the file is not rewritten.
				================================================================""", password.username(),
				password.password(), file);
	}

}
