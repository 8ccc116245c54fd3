package parc.orchestrator.user.camunda;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda authorization is on (see {@code parc-orchestrator-defaults.yml}), so the
 * webapps only let in groups that hold authorizations. Parc's administrators get all of
 * them; read-only users get a look into Cockpit, designers also Tasklist and deployments.
 */
@Configuration(proxyBeanMethods = false)
class ParcEngineAuthorizationConfiguration {

	/**
	 * Grants {@code camunda-admin} every permission on every resource, once, at engine
	 * start.
	 */
	@Bean
	AdministratorAuthorizationPlugin administratorAuthorizationPlugin() {
		AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
		plugin.setAdministratorGroupName(Groups.CAMUNDA_ADMIN);
		return plugin;
	}

	@Bean
	GroupGrantsPlugin readOnlyCockpitAuthorizationPlugin() {
		return new GroupGrantsPlugin(CamundaGroups.USERS, GroupGrantsPlugin.READ_ONLY);
	}

	@Bean
	GroupGrantsPlugin designerAuthorizationPlugin() {
		return new GroupGrantsPlugin(CamundaGroups.DESIGNERS, GroupGrantsPlugin.DESIGNER);
	}

}
