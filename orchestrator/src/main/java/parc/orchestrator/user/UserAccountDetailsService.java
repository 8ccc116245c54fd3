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

	UserAccountDetailsService(UserAccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findLogin(username).orElseThrow(() -> new UsernameNotFoundException(username));
	}

}
