package parc.orchestrator.agentless;

import java.util.concurrent.Executor;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The agentless pool: background collections wait on remote machines, so they get their
 * own threads instead of the web or engine pools.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentlessProperties.class)
class AgentlessConfiguration {

	static final String EXECUTOR = "agentlessExecutor";

	@Bean(name = EXECUTOR)
	Executor agentlessExecutor(AgentlessProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("agentless-");
		executor.setCorePoolSize(properties.threads());
		executor.setMaxPoolSize(properties.threads());
		executor.setQueueCapacity(properties.queue());
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.initialize();
		return executor;
	}

}
