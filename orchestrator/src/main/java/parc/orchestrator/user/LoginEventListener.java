package parc.orchestrator.user;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Feeds the login throttle from Spring Security's outcomes (console form login and API
 * HTTP Basic).
 */
@Component
class LoginEventListener {

	private final LoginThrottle throttle;

	LoginEventListener(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		this.throttle.failed(event.getAuthentication().getName());
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		this.throttle.succeeded(event.getAuthentication().getName());
	}

}
