package parc.orchestrator.user.camunda;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

import org.springframework.stereotype.Component;

import parc.orchestrator.user.UserAccountService;

/**
 * Replaces Camunda's own user tables by Parc's accounts (docs/architecture.md,
 * "Security": one identity for the console and the Camunda webapps). Picked up by the
 * Camunda Spring Boot starter as a process engine plugin bean.
 */
@Component
class ParcIdentityProviderPlugin extends AbstractProcessEnginePlugin {

	private final UserAccountService accounts;

	ParcIdentityProviderPlugin(UserAccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return ReadOnlyIdentityProvider.class;
			}

			@Override
			public Session openSession() {
				return new ParcIdentityProvider(ParcIdentityProviderPlugin.this.accounts);
			}

		});
	}

}
