package parc.orchestrator.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import parc.orchestrator.system.database.ParcDatabaseProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ParcProperties.class, ParcDatabaseProperties.class })
class ParcConfiguration {

}
