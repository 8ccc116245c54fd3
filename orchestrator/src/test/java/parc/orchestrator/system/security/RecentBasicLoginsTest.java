package parc.orchestrator.system.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentBasicLoginsTest {

	private final AtomicInteger checks = new AtomicInteger();

	private final AtomicLong now = new AtomicLong();

	/** Accepts alice with "right" only, counting every (slow) check. */
	private final AuthenticationProvider checker = new AuthenticationProvider() {
		@Override
		public Authentication authenticate(Authentication authentication) {
			RecentBasicLoginsTest.this.checks.incrementAndGet();
			if (authentication.getName().equals("alice") && "right".equals(authentication.getCredentials())) {
				return UsernamePasswordAuthenticationToken.authenticated("alice", null,
						List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
			}
			throw new BadCredentialsException("Bad credentials");
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return true;
		}
	};

	private final RecentBasicLogins logins = new RecentBasicLogins(this.checker, this.now::get);

	private static Authentication basic(String user, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
	}

	@Test
	void shouldCheckAPasswordOnceWithinTheTtl() {
		assertThat(this.logins.authenticate(basic("alice", "right")).getAuthorities()).hasSize(1);
		this.now.addAndGet(RecentBasicLogins.TTL.toNanos() - 1);
		assertThat(this.logins.authenticate(basic("alice", "right")).isAuthenticated()).isTrue();
		assertThat(this.checks).hasValue(1);

		this.now.addAndGet(2);
		this.logins.authenticate(basic("alice", "right"));
		assertThat(this.checks).as("checked again once the TTL passed").hasValue(2);
	}

	@Test
	void shouldNeverRememberAWrongPassword() {
		this.logins.authenticate(basic("alice", "right"));

		assertThatThrownBy(() -> this.logins.authenticate(basic("alice", "wrong")))
			.isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> this.logins.authenticate(basic("alice", "wrong")))
			.isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> this.logins.authenticate(basic("alicer", "ight")))
			.as("the name and password are not simply concatenated")
			.isInstanceOf(BadCredentialsException.class);
		assertThat(this.checks).hasValue(4);
	}

}
