package parc.orchestrator.user;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginProperties.class)
class LoginThrottleConfiguration {

	@Bean
	LoginThrottle loginThrottle(LoginProperties properties) {
		return new LoginThrottle(properties, Clock.systemUTC());
	}

}
