package parc.orchestrator.user;

import java.security.SecureRandom;

/**
 * A fresh random password, shown to an administrator exactly once. 20 characters from a
 * 57-symbol alphabet without look-alikes (0/O, 1/l/I) give about 116 bits.
 */
public record GeneratedPassword(String username, String password) {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	static GeneratedPassword forUser(String username) {
		StringBuilder password = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return new GeneratedPassword(username, password.toString());
	}

	@Override
	public String toString() {
		return "GeneratedPassword[username=" + this.username + ", password=<hidden>]";
	}

}
