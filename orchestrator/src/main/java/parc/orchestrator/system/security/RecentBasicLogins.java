package parc.orchestrator.system.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * API clients send their password on every request, and each check is a bcrypt hash made
 * slow on purpose (about 80 ms of CPU): a script polling a deployment page four times a
 * second spent most of Parc's CPU on it. A login that succeeded is remembered for
 * {@link #TTL}, under an HMAC of the user name and password with a key drawn at start, so
 * neither is kept; a wrong password is never remembered, and a disabled account or a
 * changed password stops working within the TTL.
 */
final class RecentBasicLogins implements AuthenticationProvider {

	static final Duration TTL = Duration.ofSeconds(30);

	/** Beyond this many remembered logins, all are forgotten: memory stays bounded. */
	static final int MAX_ENTRIES = 1000;

	private final AuthenticationProvider checker;

	private final SecretKeySpec key;

	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	private final java.util.function.LongSupplier nanoTime;

	RecentBasicLogins(AuthenticationProvider checker) {
		this(checker, System::nanoTime);
	}

	RecentBasicLogins(AuthenticationProvider checker, java.util.function.LongSupplier nanoTime) {
		this.checker = checker;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.nanoTime = nanoTime;
	}

	private record Remembered(Authentication authentication, long until) {

	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String id = id(authentication.getName(), String.valueOf(authentication.getCredentials()));
		long now = this.nanoTime.getAsLong();
		Remembered known = this.remembered.get(id);
		if (known != null && now - known.until() < 0) {
			return known.authentication();
		}
		Authentication checked = this.checker.authenticate(authentication);
		if (checked != null && checked.isAuthenticated()) {
			if (this.remembered.size() >= MAX_ENTRIES) {
				this.remembered.clear();
			}
			this.remembered.put(id, new Remembered(checked, now + TTL.toNanos()));
		}
		return checked;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private String id(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(username.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
