package parc.orchestrator.user;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginProperties.class)
class LoginThrottleConfiguration {

	@Bean
	LoginThrottle loginThrottle(LoginProperties properties, JdbcClient jdbc) {
		return new LoginThrottle(properties, jdbc, Clock.systemUTC());
	}

}
