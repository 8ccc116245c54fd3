package parc.orchestrator.user;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Spring Security's view of Parc's accounts, for the console's form login and the API's
 * HTTP Basic.
 */
@Component
class UserAccountDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final LoginThrottle throttle;

	UserAccountDetailsService(UserAccountRepository accounts, LoginThrottle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findLogin(username, this.throttle.isLocked(username))
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

}
