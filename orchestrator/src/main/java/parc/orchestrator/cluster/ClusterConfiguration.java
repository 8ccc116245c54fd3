package parc.orchestrator.cluster;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ NodeProperties.class, ClusterProperties.class })
class ClusterConfiguration {

}
